# Reference numbers for the tsb, adida and imapa models on the 130 daily
# Adventure Works product series (quantity).
#
# No package on Debian 12 implements these methods (R's tsintermittent and
# Python's statsforecast are not packaged), so this is a second, independent
# implementation in base R, written from the papers and from the choices
# docs/models.md states:
#   TSB (Teunter, Syntetos and Babai 2011): probability smoothed every
#     period, size when a demand occurs; the probability starts at the first
#     period's indicator, the size at the first demand; forecast p * z.
#     Parameters by least squares on the one-step errors: optim()'s
#     Nelder-Mead from (0.1, 0.1), Inf outside [0, 1]^2.
#   ADIDA (Nikolopoulos et al. 2011): sums over buckets of k periods, the
#     last bucket ending at the last value, the oldest n %% k left out;
#     k = floor(mean demand interval + 0.5); SES with the level starting at
#     the first bucket, alpha by optimize() on [0.1, 0.3] over the sum of
#     squared one-step errors; the forecast is the SES level / k.
#   IMAPA (Petropoulos and Kourentzes 2015): ADIDA at k = 1..K, K as ADIDA's
#     k, each with its own alpha, forecasts averaged.
# The mean demand interval: (index of the last non-zero + 1) / non-zeros.
#
# Run from the repository root (the numbers committed were made with R 4.2):
#   foresight data series ../shared/data/adventureworks --measure quantity --by product --out /tmp/products.csv
#   Rscript tests/reference/intermittent/tsb_adida_imapa_reference.R /tmp/products.csv \
#       > tests/engine/models/intermittent/tsb_adida_imapa_reference.csv
# CI never runs R: the CSV is committed and the tests compare against it.
#
# Columns: series (0-based position in the input), case, kind, pos, value.
# Cases (the test holds the matching model specs):
#   tsb_fixed    tsb(alpha_d=0.2,alpha_p=0.05)
#   tsb_auto     tsb
#   adida_auto   adida
#   adida_fixed  adida(level=7,alpha=0.2)
#   imapa_auto   imapa
# Kinds: mean (the forecast), fitted (at 0-based position pos, every 60th
# from 1), fitted_sum and fitted_sumsq (over the positions that have a
# fitted value), and the parameters chosen: alpha_d, alpha_p, level, alpha
# (imapa: alpha at pos = k).

args <- commandArgs(trailingOnly = TRUE)
data <- read.csv(args[1], stringsAsFactors = FALSE, check.names = FALSE)
names <- unique(data$series)
num <- function(v) trimws(formatC(v, digits = 17, format = "g"))

tsb_run <- function(y, ad, ap) {
  n <- length(y)
  seen <- y[1] > 0
  p <- if (seen) 1 else 0
  z <- if (seen) y[1] else 0
  fitted <- rep(NA_real_, n)
  sse <- 0
  for (t in 2:n) {
    f <- if (seen) p * z else 0
    fitted[t] <- f
    sse <- sse + (y[t] - f) * (y[t] - f)
    p <- p + ap * ((if (y[t] > 0) 1 else 0) - p)
    if (y[t] > 0) {
      if (!seen) {
        z <- y[t]
        seen <- TRUE
      } else {
        z <- z + ad * (y[t] - z)
      }
    }
  }
  list(rate = if (seen) p * z else 0, fitted = fitted, sse = sse)
}

tsb_auto <- function(y) {
  fn <- function(a) {
    if (a[1] < 0 || a[1] > 1 || a[2] < 0 || a[2] > 1) return(Inf)
    tsb_run(y, a[1], a[2])$sse
  }
  optim(c(0.1, 0.1), fn, method = "Nelder-Mead")$par
}

mean_interval <- function(y) {
  nz <- which(y != 0)
  if (length(nz) == 0) return(NA)
  max(nz) / length(nz)
}

aggregation_level <- function(y) {
  m <- mean_interval(y)
  if (is.na(m)) return(1)
  min(max(floor(m + 0.5), 1), length(y))
}

bucket_sums <- function(y, k) {
  b <- length(y) %/% k
  skip <- length(y) - b * k
  vapply(seq_len(b), function(i) sum(y[(skip + (i - 1) * k + 1):(skip + i * k)]), 0)
}

ses <- function(x, a) {
  l <- x[1]
  fitted <- rep(NA_real_, length(x))
  sse <- 0
  if (length(x) > 1) for (t in 2:length(x)) {
    fitted[t] <- l
    e <- x[t] - l
    sse <- sse + e * e
    l <- l + a * e
  }
  list(level = l, fitted = fitted, sse = sse)
}

adida <- function(y, k, alpha = NULL) {
  x <- bucket_sums(y, k)
  if (is.null(alpha)) alpha <- optimize(function(a) ses(x, a)$sse, c(0.1, 0.3))$minimum
  s <- ses(x, alpha)
  fitted <- rep(NA_real_, length(y))
  skip <- length(y) - length(x) * k
  if (length(x) > 1) for (b in 2:length(x)) fitted[(skip + (b - 1) * k + 1):(skip + b * k)] <- s$fitted[b] / k
  list(rate = s$level / k, fitted = fitted, alpha = alpha, level = k)
}

imapa <- function(y) {
  top <- aggregation_level(y)
  fits <- lapply(seq_len(top), function(k) adida(y, k))
  rates <- vapply(fits, function(f) f$rate, 0)
  fitted_all <- sapply(fits, function(f) f$fitted)
  if (is.null(dim(fitted_all))) fitted_all <- matrix(fitted_all, ncol = 1)
  fitted <- apply(fitted_all, 1, function(r) if (all(is.na(r))) NA_real_ else sum(r, na.rm = TRUE) / sum(!is.na(r)))
  list(rate = sum(rates) / top, fitted = fitted, alphas = vapply(fits, function(f) f$alpha, 0))
}

cat("series,case,kind,pos,value\n")
for (i in seq_along(names)) {
  y <- data$value[data$series == names[i]]
  row <- function(case, kind, pos, value) cat(i - 1, ",", case, ",", kind, ",", pos, ",", num(value), "\n", sep = "")
  fits <- function(case, fit) {
    row(case, "mean", 0, fit$rate)
    f <- fit$fitted
    for (p in seq(1, length(y) - 1, by = 60)) if (!is.na(f[p + 1])) row(case, "fitted", p, f[p + 1])
    row(case, "fitted_sum", 0, sum(f, na.rm = TRUE))
    row(case, "fitted_sumsq", 0, sum(f^2, na.rm = TRUE))
  }
  fits("tsb_fixed", tsb_run(y, 0.2, 0.05))
  a <- tsb_auto(y)
  row("tsb_auto", "alpha_d", 0, a[1])
  row("tsb_auto", "alpha_p", 0, a[2])
  fits("tsb_auto", tsb_run(y, a[1], a[2]))
  ad <- adida(y, aggregation_level(y))
  row("adida_auto", "level", 0, ad$level)
  row("adida_auto", "alpha", 0, ad$alpha)
  fits("adida_auto", ad)
  fits("adida_fixed", adida(y, 7, 0.2))
  im <- imapa(y)
  for (k in seq_along(im$alphas)) row("imapa_auto", "alpha", k, im$alphas[k])
  fits("imapa_auto", im)
}

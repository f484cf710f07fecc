# R's side of the hierarchical backtest in docs/benchmarks.md: the same
# folds, base models and reconciliation methods as
#   foresight hierarchy backtest --data FILE --model ets [--bottom-model 'croston(type=sba)'] \
#       --methods bottom_up,top_down_fp,middle_out,ols,wls_struct,wls_var,mint_shrink \
#       --middle-level 2 --non-negative --horizon 28 --folds 5
# with R's forecast::ets() for the base forecasts, Croston-SBA written out
# (the recursion forecast::croston computes, alpha 0.1, times 1 - alpha/2;
# forecast 8.20's croston() re-fits every prefix for its fitted values, which
# would take an hour here), and every reconciliation method in base R matrix
# algebra (the textbook MinT G, hts' shrink.estim), negative bottom values set
# to 0 and summed up as Foresight does. Scores as Foresight's: per node over
# all folds, MASE = mean(|e| / q1), RMSSE = sqrt(mean(e^2 / q2)), q1 and q2 the
# mean absolute and squared seasonal-naive (lag 7) differences of the fold's
# training window; a level's score is the mean over its nodes.
#
#   foresight data series ../shared/data/adventureworks --hierarchy territory --out /tmp/territories.csv
#   foresight data series ../shared/data/adventureworks --measure quantity --hierarchy product --out /tmp/products.csv
#   Rscript bench/r/hierarchy_backtest.R /tmp/territories.csv none > /tmp/r-territories.txt
#   Rscript bench/r/hierarchy_backtest.R /tmp/products.csv croston > /tmp/r-products.txt
suppressPackageStartupMessages(library(forecast))
invisible(Sys.setlocale("LC_COLLATE", "C"))

args <- commandArgs(trailingOnly = TRUE)
data <- read.csv(args[1], stringsAsFactors = FALSE, check.names = FALSE)
bottom_model <- if (length(args) >= 2) args[2] else "none"
H <- 28
K <- 5
m <- 7

names <- unique(data$series)
levels_of <- tapply(data$level, data$series, function(l) l[1])
# Path parts: split at '/' not escaped by '\' ("Patch Kit\/8 Patches").
parts <- lapply(names, function(n) if (n == "Total") character(0) else
  gsub("\\\\(.)", "\\1", strsplit(n, "(?<!\\\\)/", perl = TRUE)[[1]]))
depth <- vapply(parts, length, 0)
Y <- t(vapply(names, function(n) data$value[data$series == n], numeric(sum(data$series == names[1]))))
n_nodes <- length(names)
L <- max(depth)
bottom <- which(depth == L)
S <- matrix(0, n_nodes, length(bottom))
for (i in 1:n_nodes) for (j in seq_along(bottom)) {
  d <- depth[i]
  if (d == 0 || all(parts[[bottom[j]]][seq_len(d)] == parts[[i]])) S[i, j] <- 1
}
children <- lapply(1:n_nodes, function(i) which(depth == depth[i] + 1 &
  vapply(parts, function(p) length(p) > depth[i] && all(p[seq_len(depth[i])] == parts[[i]]), TRUE)))

croston_sba <- function(y, h, alpha = 0.1) {
  n <- length(y)
  fitted <- rep(NA_real_, n)
  z <- 0; p <- 0; seen <- FALSE; since <- 0
  rate <- function() if (seen) (1 - alpha / 2) * z / p else 0
  for (t in 1:n) {
    if (t > 1) fitted[t] <- rate()
    since <- since + 1
    if (y[t] != 0) {
      if (!seen) { z <- y[t]; p <- since; seen <- TRUE }
      else { z <- z + alpha * (y[t] - z); p <- p + alpha * (since - p) }
      since <- 0
    }
  }
  list(mean = rep(rate(), h), fitted = fitted)
}

shrink <- function(x) {
  tt <- nrow(x)
  covm <- crossprod(x) / tt
  # As Foresight: a node whose errors are all 0 (a product not yet selling
  # in the window) gets 1e-12 x the largest variance.
  diag(covm) <- pmax(diag(covm), 1e-12 * max(diag(covm)))
  corm <- cov2cor(covm)
  xs <- scale(x, center = FALSE, scale = sqrt(diag(covm)))
  v <- (1 / (tt * (tt - 1))) * (crossprod(xs^2) - 1 / tt * (crossprod(xs))^2)
  diag(v) <- 0
  d <- (corm - diag(nrow(covm)))^2
  lambda <- max(min(sum(v) / sum(d), 1), 0)
  lambda * diag(diag(covm)) + (1 - lambda) * covm
}

reconcile <- function(method, base, hist, res) {
  mint <- function(W) { Wi <- solve(W); solve(t(S) %*% Wi %*% S) %*% t(S) %*% Wi %*% base }
  split_down <- function(from) {
    v <- matrix(0, n_nodes, ncol(base))
    for (i in order(depth)) {
      if (depth[i] == from) v[i, ] <- base[i, ]
      if (depth[i] < from || depth[i] == L) next
      ch <- children[[i]]
      for (h in seq_len(ncol(base))) {
        b <- pmax(base[ch, h], 0)
        v[ch, h] <- v[i, h] * (if (sum(b) > 0) b / sum(b) else rep(1 / length(ch), length(ch)))
      }
    }
    v[bottom, , drop = FALSE]
  }
  complete <- res[, colSums(is.na(res)) == 0, drop = FALSE]
  b <- switch(method,
    base = NULL,
    bottom_up = base[bottom, , drop = FALSE],
    top_down_fp = split_down(0),
    middle_out = split_down(2),
    ols = mint(diag(n_nodes)),
    wls_struct = mint(diag(rowSums(S))),
    wls_var = mint(diag(pmax(rowSums(complete^2) / ncol(complete), 1e-12 * max(rowSums(complete^2) / ncol(complete))))),
    mint_shrink = mint(shrink(t(complete))))
  if (is.null(b)) return(base)
  b[b < 0] <- 0
  S %*% b
}

methods <- c("base", "bottom_up", "top_down_fp", "middle_out", "ols", "wls_struct", "wls_var", "mint_shrink")
n <- ncol(Y)
abs_err <- lapply(methods, function(x) matrix(NA, n_nodes, K * H))
sq_err <- abs_err
names(abs_err) <- names(sq_err) <- methods
started <- proc.time()[["elapsed"]]
for (k in 1:K) {
  origin <- n - H - (K - k) * H  # training is 1..origin
  base <- matrix(0, n_nodes, H)
  res <- matrix(NA_real_, n_nodes, origin)
  for (i in 1:n_nodes) {
    y <- Y[i, 1:origin]
    if (depth[i] == L && bottom_model == "croston") {
      f <- croston_sba(y, H)
      base[i, ] <- f$mean
      res[i, ] <- y - f$fitted
    } else {
      fit <- ets(ts(y, frequency = m))
      base[i, ] <- as.numeric(forecast(fit, h = H)$mean)
      res[i, ] <- y - as.numeric(fitted(fit))
    }
  }
  test <- Y[, (origin + 1):(origin + H), drop = FALSE]
  train <- Y[, 1:origin, drop = FALSE]
  q1 <- apply(train, 1, function(y) mean(abs(diff(y, lag = m))))
  q2 <- apply(train, 1, function(y) mean(diff(y, lag = m)^2))
  for (method in methods) {
    fc <- reconcile(method, base, train, res)
    e <- test - fc
    cols <- ((k - 1) * H + 1):(k * H)
    abs_err[[method]][, cols] <- abs(e) / q1
    sq_err[[method]][, cols] <- e^2 / q2
  }
}
cat(sprintf("R %s, forecast %s; %d nodes, %d folds x %d; base ets%s; %.1f s\n\n", getRversion(),
            packageVersion("forecast"), n_nodes, K, H, if (bottom_model == "croston") ", bottom croston SBA" else "",
            proc.time()[["elapsed"]] - started))
level_names <- c(unname(levels_of[names[depth == 0]]), vapply(1:L, function(d) unname(levels_of[names[depth == d][1]]), ""))
for (metric in c("MASE", "RMSSE")) {
  cat(sprintf("%-24s", metric), sprintf("%-14s", methods), "\n", sep = "")
  score <- lapply(methods, function(method) {
    node <- if (metric == "MASE") rowMeans(abs_err[[method]]) else sqrt(rowMeans(sq_err[[method]]))
    c(vapply(0:L, function(d) mean(node[depth == d]), 0), mean(node))
  })
  labels <- c(sprintf("%s (%d)", level_names, vapply(0:L, function(d) sum(depth == d), 0)),
              sprintf("all levels (%d)", n_nodes))
  for (r in seq_along(labels))
    cat(sprintf("%-24s", labels[r]), sprintf("%-14.3f", vapply(score, function(s) s[r], 0)), "\n", sep = "")
  cat("\n")
}

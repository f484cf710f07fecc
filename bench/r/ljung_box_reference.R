# Reference numbers for Foresight's Ljung-Box test (core/engine/models/stats/
# LjungBoxTest), made with R's stats::Box.test and forecast::checkresiduals'
# rules (default lag, zoo::na.approx of missing residuals).
#
#   Rscript bench/r/ljung_box_reference.R tests/engine/models/stats/ljung_box_reference.json
#
# Every series is written out in full, so the test needs neither R nor data.
# CI never runs R.
suppressPackageStartupMessages(library(jsonlite))
suppressPackageStartupMessages(library(zoo))

args <- commandArgs(trailingOnly = TRUE)
out_file <- if (length(args) >= 1) args[1] else "tests/engine/models/stats/ljung_box_reference.json"

set.seed(20261129)
ar1 <- as.numeric(arima.sim(list(ar = 0.6), n = 150))
with_gaps <- c(NA, NA, rnorm(60), NA, rnorm(30), NA, NA, rnorm(20), NA)
series <- list(
  lh = as.numeric(lh),                                       # 48 values, ships with R
  air_dlog = as.numeric(diff(log(AirPassengers))),           # monthly, seasonal
  white_noise = rnorm(200),
  ar1 = ar1,
  with_gaps = with_gaps
)
periods <- list(lh = 1, air_dlog = 12, white_noise = 1, ar1 = 1, with_gaps = 7)

# checkresiduals: lag <- ifelse(freq > 1, 2 * freq, 10);
# lag <- min(lag, round(length(residuals) / 5)); lag <- max(df + 3, lag)
default_lag <- function(n, m, fitdf) max(fitdf + 3, min(if (m > 1) 2 * m else 10, round(n / 5)))

cases <- list()
for (name in names(series)) {
  x <- series[[name]]
  clean <- as.numeric(na.approx(x))  # drops leading/trailing NA, interpolates inner ones
  m <- periods[[name]]
  for (fitdf in c(0, 2)) {
    lags <- unique(c(1 + fitdf, 5 + fitdf, default_lag(length(x), m, fitdf)))
    for (lag in lags) {
      bt <- Box.test(clean, lag = lag, type = "Ljung-Box", fitdf = fitdf)
      cases[[length(cases) + 1]] <- list(
        series = name, lag = lag, fitdf = fitdf, n = length(clean),
        statistic = unname(bt$statistic), df = unname(bt$parameter),
        # the upper tail itself: 1 - pchisq loses tiny p-values to rounding
        p_value = pchisq(unname(bt$statistic), unname(bt$parameter), lower.tail = FALSE),
        box_test_p_value = bt$p.value)
    }
  }
}

defaults <- list()
for (n in c(20, 48, 100, 143, 1000)) for (m in c(1, 7, 12, 52)) for (fitdf in c(0, 2, 9))
  defaults[[length(defaults) + 1]] <- list(n = n, period = m, fitdf = fitdf, lag = default_lag(n, m, fitdf))

tails <- list()
for (df in c(1, 2, 3, 7.5, 10, 24, 100)) for (q in c(0.01, 0.5, 1, 3, 10, 30, 80, 200))
  tails[[length(tails) + 1]] <- list(x = q, df = df, upper = pchisq(q, df, lower.tail = FALSE))

# NA becomes null in the JSON; the test reads null as NaN.
out <- list(
  generated_by = "bench/r/ljung_box_reference.R",
  r_version = R.version.string,
  series = lapply(series, function(x) ifelse(is.na(x), NA, x)),
  periods = periods,
  cases = cases,
  default_lags = defaults,
  chi_squared_upper = tails)
writeLines(toJSON(out, auto_unbox = TRUE, digits = I(17), na = "null", pretty = TRUE), out_file)
cat("wrote", out_file, "\n")

# R's models on Adventure Works daily revenue in the backtest layout of
# docs/evaluation.md: 5 folds x 28 days, origins n-140, n-112, ..., n-28,
# expanding windows; MASE scaled by the lag-7 seasonal naive in-sample error
# of each fold's training data, averaged over folds. The reference for
# tests/engine/eval/AdventureWorksLeaderboardTest.cpp.
# Run from the repository root after writing the series:
#   foresight data series ../shared/data/adventureworks --out aw_daily.csv
#   Rscript tests/engine/eval/reference/aw_daily_backtest.R aw_daily.csv
suppressMessages(library(forecast))
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(if (length(args) > 0) args[1] else "aw_daily.csv", stringsAsFactors = FALSE)
y <- d$value
n <- length(y); h <- 28; K <- 5
models <- list(
  snaive = function(x) snaive(x, h = h)$mean,
  ets = function(x) forecast(ets(x), h = h)$mean,
  auto.arima = function(x) forecast(auto.arima(x), h = h)$mean,
  thetaf = function(x) thetaf(x, h = h)$mean,
  stlf = function(x) stlf(x, h = h)$mean,
  mstl.ets = function(x) forecast(mstl(msts(x, seasonal.periods = c(7, 365.25))), h = h)$mean)
mase <- matrix(NA, length(models), K, dimnames = list(names(models), NULL))
for (k in 1:K) {
  origin <- n - (K - k + 1) * h          # 0-based index of the first scored point
  x <- ts(y[1:origin], frequency = 7)
  actual <- y[(origin + 1):(origin + h)]
  scale <- mean(abs(diff(as.numeric(x), lag = 7)))
  for (m in names(models)) mase[m, k] <- mean(abs(actual - as.numeric(models[[m]](x)))) / scale
}
cat(sprintf("n = %d, folds: %s\n", n, paste(sprintf("%.4f", apply(mase, 2, min)), collapse = " ")))
for (m in names(models))
  cat(sprintf("%-11s MASE %.4f  (folds %s)\n", m, mean(mase[m, ]), paste(sprintf("%.4f", mase[m, ]), collapse = " ")))
cat(sprintf("R %s, forecast %s\n", getRversion(), packageVersion("forecast")))

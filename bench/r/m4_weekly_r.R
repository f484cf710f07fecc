# R's automatic models on the M4 Weekly subset, scored by the organisers'
# rules (sMAPE; MASE scaled by the in-sample lag-1 naive error; OWA against
# Naive2), for comparison with `foresight benchmark m4`.
# Run from the repository root (about 85 s of CPU):
#   Rscript bench/r/m4_weekly_r.R ../shared/data/m4
# Prints one line per method; the figures are in docs/benchmarks.md.
source("tests/engine/eval/reference/m4_rows.R")
m4 <- m4_weekly(); train <- m4$train; test <- m4$test
fh <- 13
# As the organisers do, every series is ts(x, frequency = 1) (ets() would
# ignore a period of 52 anyway: it allows seasons up to 24).
methods <- list(
  Naive2 = function(x, h) naive(ts(x, frequency = 1), h = h)$mean,
  ets = function(x, h) forecast(ets(ts(x, frequency = 1)), h = h)$mean,
  auto.arima = function(x, h) forecast(auto.arima(ts(x, frequency = 1)), h = h)$mean,
  thetaf = function(x, h) thetaf(ts(x, frequency = 1), h = h)$mean)
fc <- list()
smape <- mase <- matrix(NA, length(methods) + 2, length(train),
                        dimnames = list(c(names(methods), "mean(ets,auto.arima,thetaf)",
                                          "median(ets,auto.arima,thetaf)"), NULL))
for (i in seq_along(train)) {
  x <- train[[i]]; y <- test[[i]]; scale <- mean(abs(diff(x)))
  f <- lapply(methods, function(m) as.numeric(m(x, fh)))
  f[["mean(ets,auto.arima,thetaf)"]] <- (f$ets + f$auto.arima + f$thetaf) / 3
  f[["median(ets,auto.arima,thetaf)"]] <- apply(cbind(f$ets, f$auto.arima, f$thetaf), 1, median)
  for (m in names(f)) {
    smape[m, i] <- mean(200 * abs(y - f[[m]]) / (abs(y) + abs(f[[m]])))
    mase[m, i] <- mean(abs(y - f[[m]])) / scale
  }
}
for (m in rownames(smape))
  cat(sprintf("%-30s sMAPE %.3f  MASE %.3f  OWA %.3f\n", m, mean(smape[m, ]), mean(mase[m, ]),
              (mean(smape[m, ]) / mean(smape["Naive2", ]) + mean(mase[m, ]) / mean(mase["Naive2", ])) / 2))
cat(sprintf("R %s, forecast %s\n", getRversion(), packageVersion("forecast")))

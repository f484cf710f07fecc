# Reference values of tests/engine/eval/MetricsTest.cpp (R 4.2, forecast 8.20).
# Run: Rscript tests/engine/eval/reference/metrics.R
suppressMessages(library(forecast))
options(digits = 17)
train <- c(5, 7, 6, 8, 9, 7, 10, 11)
y <- c(12, 10, 13, 9)
f <- c(11, 11.5, 12, 10)
lo <- c(10, 10.5, 12.5, 9.5); hi <- c(12.5, 13, 13.5, 11)
e <- y - f
cat("MAE", mean(abs(e)), "\n")
cat("RMSE", sqrt(mean(e^2)), "\n")
cat("MAPE", 100 * mean(abs(e / y)), "\n")
cat("sMAPE", mean(200 * abs(e) / (abs(y) + abs(f))), "\n")
cat("bias (ME)", mean(e), "\n")
for (m in c(1, 2)) {
  cat("m", m, "MASE", mean(abs(e)) / mean(abs(diff(train, lag = m))),
      "RMSSE", sqrt(mean(e^2) / mean(diff(train, lag = m)^2)), "\n")
}
cat("R2", 1 - sum(e^2) / sum((y - mean(y))^2), "\n")
alpha <- 0.2
cat("coverage80", mean(y >= lo & y <= hi), "\n")
w <- (hi - lo) + 2 / alpha * (lo - y) * (y < lo) + 2 / alpha * (y - hi) * (y > hi)
cat("winkler80", mean(w), "\n")
pin <- function(tau, q, y) ifelse(y >= q, tau * (y - q), (1 - tau) * (q - y))
cat("pinball80", mean((pin(alpha / 2, lo, y) + pin(1 - alpha / 2, hi, y)) / 2), "\n")
# forecast::accuracy with a seasonal test set scales by the lag-m naive error.
fc <- snaive(ts(train, frequency = 2), h = 4)
print(accuracy(fc, ts(y, start = c(5, 1), frequency = 2)))

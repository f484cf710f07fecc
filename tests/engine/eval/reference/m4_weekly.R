# The M4 organisers' benchmark rules (Mcompetitions/M4-methods,
# "Benchmarks and Evaluation.R") on the Weekly subset: Naive2, SES and Theta,
# sMAPE, MASE (scale: in-sample naive at lag 1, as Weekly is frequency 1) and OWA.
# Run from the repository root:
#   Rscript tests/engine/eval/reference/m4_weekly.R ../shared/data/m4
source("tests/engine/eval/reference/m4_rows.R")
m4 <- m4_weekly(); train <- m4$train; test <- m4$test
fh <- 13
theta <- function(x, h) {  # Theta.classic of the organisers' code
  n <- length(x); t <- 1:n
  fit <- lm(x ~ t); in0 <- as.numeric(fitted(fit))
  out0 <- as.numeric(predict(fit, data.frame(t = (n + 1):(n + h))))
  f <- 0.5 * as.numeric(ses(2 * x + (1 - 2) * in0, h = h)$mean) + 0.5 * out0
  pmax(f, 0)
}
methods <- list(Naive2 = function(x, h) as.numeric(naive(x, h = h)$mean),
                SES = function(x, h) as.numeric(ses(x, h = h)$mean),
                Theta = theta)
smape <- mase <- matrix(NA, length(methods), length(train), dimnames = list(names(methods), NULL))
for (i in seq_along(train)) {
  x <- train[[i]]; y <- test[[i]]; scale <- mean(abs(diff(x)))
  for (m in names(methods)) {
    f <- methods[[m]](ts(x, frequency = 1), fh)
    smape[m, i] <- mean(200 * abs(y - f) / (abs(y) + abs(f)))
    mase[m, i] <- mean(abs(y - f)) / scale
  }
}
for (m in names(methods))
  cat(sprintf("%-7s sMAPE %.6f  MASE %.6f  OWA %.6f\n", m, mean(smape[m, ]), mean(mase[m, ]),
              (mean(smape[m, ]) / mean(smape["Naive2", ]) + mean(mase[m, ]) / mean(mase["Naive2", ])) / 2))
# Theta as published: forecast 8.2 (used for the M4 benchmarks) started the
# SES alpha search at max(l + 0.5 (u - l) / m, l_beta + 2e-3), not today's
# l + 0.2 (u - l) / m (robjhyndman/forecast a47d93a). Patching that one line
# of initparam() reproduces the published 9.093 / 2.637.
src <- deparse(forecast:::initparam)
src <- sub("alpha <- lower[1] + 0.2 * (upper[1] - lower[1])/m",
           "alpha <- max(lower[1] + 0.5 * (upper[1] - lower[1])/m, lower[2] + 0.002)", src, fixed = TRUE)
patched <- eval(parse(text = src)); environment(patched) <- asNamespace("forecast")
assignInNamespace("initparam", patched, ns = "forecast")
s82 <- m82 <- numeric(length(train))
for (i in seq_along(train)) {
  x <- train[[i]]; y <- test[[i]]; f <- theta(ts(x, frequency = 1), fh)
  s82[i] <- mean(200 * abs(y - f) / (abs(y) + abs(f))); m82[i] <- mean(abs(y - f)) / mean(abs(diff(x)))
}
cat(sprintf("%-7s sMAPE %.6f  MASE %.6f  (SES started as in forecast 8.2)\n", "Theta", mean(s82), mean(m82)))

# The M4 organisers' benchmark rules (Mcompetitions/M4-methods,
# "Benchmarks and Evaluation.R") on the Weekly subset: Naive2, SES and Theta,
# sMAPE, MASE (scale: in-sample naive at lag 1, as Weekly is frequency 1) and OWA.
# Run from the repository root:
#   Rscript tests/engine/eval/reference/m4_weekly.R ../shared/data/m4
suppressMessages(library(forecast))
args <- commandArgs(trailingOnly = TRUE)
dir <- if (length(args) > 0) args[1] else "../shared/data/m4"
rows <- function(file) {
  d <- read.csv(file.path(dir, file), stringsAsFactors = FALSE)
  lapply(seq_len(nrow(d)), function(i) { v <- as.numeric(d[i, -1]); v[!is.na(v)] })
}
train <- rows("Weekly-train.csv"); test <- rows("Weekly-test.csv")
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

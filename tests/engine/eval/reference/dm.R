# Reference values of tests/engine/eval/DieboldMarianoTest.cpp (R 4.2, forecast 8.20).
# Run: Rscript tests/engine/eval/reference/dm.R
suppressMessages(library(forecast))
e1 <- c(1.2, -0.8, 2.1, 0.4, -1.7, 0.9, 1.5, -0.3, 2.4, -1.1, 0.6, 1.9, -2.2, 0.7, 1.1, -0.5, 1.8, -1.4, 0.2, 2.6, -0.9, 1.3, -1.6, 0.8)
e2 <- c(0.9, -0.5, 1.2, 0.6, -1.1, 0.3, 1.0, -0.6, 1.5, -0.7, 0.8, 1.1, -1.3, 0.2, 0.9, -0.8, 1.0, -0.9, 0.5, 1.4, -0.4, 0.7, -1.2, 0.6)
e3 <- c(1.0, -0.9, 1.8, 0.7, -1.5, 1.1, 1.2, -0.6, 2.0, -1.4, 0.9, 1.5, -2.0, 0.9, 1.3, -0.2, 1.6, -1.7, 0.4, 2.2, -1.0, 1.0, -1.8, 0.5)
show <- function(label, a, b, h, power, alt) {
  note <- ""
  r <- withCallingHandlers(dm.test(a, b, h = h, power = power, alternative = alt),
                           warning = function(w) { note <<- "(fell back to h = 1)"; invokeRestart("muffleWarning") })
  cat(sprintf("%s h=%d power=%d %s: DM %.17g p %.17g %s\n", label, h, power, alt, r$statistic, r$p.value, note))
}
for (h in 1:6) for (power in 1:2) for (alt in c("two.sided", "less", "greater")) {
  show("e1,e2", e1, e2, h, power, alt)
  show("e1,e3", e1, e3, h, power, alt)
}
a <- rep(c(3, -1), 5); b <- rep(1, 10)
show("a,b", a, b, 2, 2, "two.sided")

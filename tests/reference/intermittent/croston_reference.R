# Reference numbers for the croston model: R's forecast::croston on the 130
# daily Adventure Works product series (quantity), alpha 0.1 (R's default)
# and 0.3.
#
# Run from the repository root (needs R with the forecast package; the numbers
# committed were made with R 4.2 and forecast 8.20):
#   foresight data series ../shared/data/adventureworks --measure quantity --by product --out /tmp/products.csv
#   Rscript tests/reference/intermittent/croston_reference.R /tmp/products.csv \
#       > tests/engine/models/intermittent/croston_reference.csv
# CI never runs R: the CSV is committed and the tests compare against it.
#
# Columns: series (its position in the input, 0-based, in the order the
# series first appear), alpha, kind, pos, value:
#   mean         the forecast (constant over the horizon), pos 0
#   fitted       the fitted value at 0-based position pos (every 60th period
#                from 1; position 0 has none)
#   fitted_sum   the sum of all fitted values (R: NA for the first), pos 0
#   fitted_sumsq the sum of their squares, pos 0
# SBA and SBJ: forecast 8.20 predates croston(type = ...), so the tests
# apply the factors (1 - alpha/2) and (1 - alpha/(2 - alpha)) that later
# versions of forecast::croston apply, to these numbers.
suppressMessages(library(forecast))

args <- commandArgs(trailingOnly = TRUE)
data <- read.csv(args[1], stringsAsFactors = FALSE, check.names = FALSE)
names <- unique(data$series)
cat("series,alpha,kind,pos,value\n")
num <- function(v) trimws(formatC(v, digits = 17, format = "g"))
for (i in seq_along(names)) {
  x <- data$value[data$series == names[i]]
  for (alpha in c(0.1, 0.3)) {
    fc <- croston(x, h = 1, alpha = alpha)
    fitted <- as.numeric(fc$fitted)
    row <- function(kind, pos, value) cat(i - 1, ",", alpha, ",", kind, ",", pos, ",", num(value), "\n", sep = "")
    row("mean", 0, as.numeric(fc$mean)[1])
    for (p in seq(1, length(x) - 1, by = 60)) row("fitted", p, fitted[p + 1])
    row("fitted_sum", 0, sum(fitted[-1]))
    row("fitted_sumsq", 0, sum(fitted[-1]^2))
  }
}

# The M4 Weekly files for the R reference scripts (m4_weekly.R and
# bench/r/m4_weekly_r.R): the folder is the script's first argument.
suppressMessages(library(forecast))
# One numeric vector per series ("V1" id column, values padded with NA).
m4_rows <- function(dir, file) {
  d <- read.csv(file.path(dir, file), stringsAsFactors = FALSE)
  lapply(seq_len(nrow(d)), function(i) { v <- as.numeric(d[i, -1]); v[!is.na(v)] })
}
m4_weekly <- function() {
  args <- commandArgs(trailingOnly = TRUE)
  dir <- if (length(args) > 0) args[1] else "../shared/data/m4"
  list(train = m4_rows(dir, "Weekly-train.csv"), test = m4_rows(dir, "Weekly-test.csv"))
}

# Reads an M4 file ("V1" id column, values padded with NA) into a list of
# numeric vectors, one per series. Shared by m4_weekly.R and bench/r/m4_weekly_r.R.
m4_rows <- function(dir, file) {
  d <- read.csv(file.path(dir, file), stringsAsFactors = FALSE)
  lapply(seq_len(nrow(d)), function(i) { v <- as.numeric(d[i, -1]); v[!is.na(v)] })
}

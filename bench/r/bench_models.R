# R's side of bench/bench_models.cpp: fits forecast::ets(), thetaf() and
# auto.arima() (defaults) on the series the benchmark wrote, timing each
# series inside R, and writes the forecasts back for the benchmark to score
# exactly as it scores its own.
#
#   Rscript bench/r/bench_models.R INPUT.csv OUTPUT.csv ets,theta,auto_arima
#
# INPUT: one line per series: id,period,horizon,value1,value2,...
# OUTPUT: a first line "#versions,<R version>,<forecast version>", then one
# line per model and series: model,id,cpu_seconds,reps,mean1..meanH
# (cpu_seconds NA and no means when R failed on the series).
# Time per series = CPU (user + system) of the fit and its forecast at 80/95%,
# repeated until 0.05 s or 20 repetitions and divided by the repetitions, so
# fits of a few milliseconds are not lost to proc.time()'s resolution.
# Exit status 3: the forecast package is not installed.
if (!requireNamespace("forecast", quietly = TRUE)) quit(status = 3)
suppressMessages(library(forecast))

args <- commandArgs(trailingOnly = TRUE)
if (length(args) != 3) stop("usage: bench_models.R INPUT.csv OUTPUT.csv MODELS")
models <- strsplit(args[3], ",")[[1]]

runners <- list(
  ets = function(y, h) forecast(ets(y), h = h, level = c(80, 95))$mean,
  theta = function(y, h) thetaf(y, h = h, level = c(80, 95))$mean,
  auto_arima = function(y, h) forecast(auto.arima(y), h = h, level = c(80, 95))$mean
)
unknown <- setdiff(models, names(runners))
if (length(unknown) > 0) stop("no R counterpart for: ", paste(unknown, collapse = ", "))

series <- lapply(readLines(args[1]), function(line) {
  f <- strsplit(line, ",", fixed = TRUE)[[1]]
  list(id = f[1], period = as.integer(f[2]), h = as.integer(f[3]), y = ts(as.numeric(f[-(1:3)]), frequency = as.integer(f[2])))
})

time_fit <- function(run, s) {
  reps <- 0
  start <- proc.time()
  repeat {
    mean <- run(s$y, s$h)
    reps <- reps + 1
    used <- proc.time() - start
    cpu <- used[[1]] + used[[2]]
    if (cpu >= 0.05 || reps >= 20) break
  }
  list(mean = as.numeric(mean), seconds = cpu / reps, reps = reps)
}

out <- file(args[2], "w")
writeLines(sprintf("#versions,%s,%s", paste(R.version$major, R.version$minor, sep = "."),
                   as.character(packageVersion("forecast"))), out)
for (model in models) {
  for (i in seq_along(series)) {
    s <- series[[i]]
    r <- tryCatch(time_fit(runners[[model]], s), error = function(e) NULL)
    if (is.null(r)) {
      writeLines(sprintf("%s,%s,NA,0", model, s$id), out)
    } else {
      writeLines(paste(c(model, s$id, sprintf("%.6f", r$seconds), r$reps, sprintf("%.17g", r$mean)), collapse = ","), out)
    }
    if (i %% 25 == 0 || i == length(series))
      message(sprintf("R %s: %d/%d series", model, i, length(series)))
  }
  flush(out)
}
close(out)

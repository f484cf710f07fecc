# Reference numbers for Foresight's STL and mstl, made with R's stats::stl()
# and forecast::mstl() / forecast() (forecast 8.20, R 4.2):
#
#   Rscript tests/engine/models/mstl/mstl_reference.R ../shared/data tests/engine/models/mstl/mstl_reference.json
#
# Every input series is written into the JSON with the numbers, so the tests
# need nothing else; CI never runs R.
suppressPackageStartupMessages(library(forecast))
suppressPackageStartupMessages(library(jsonlite))

args <- commandArgs(trailingOnly = TRUE)
data_dir <- if (length(args) >= 1) args[1] else "../shared/data"
out_file <- if (length(args) >= 2) args[2] else "tests/engine/models/mstl/mstl_reference.json"

# Adventure Works daily revenue: sum of OrderQuantity x ProductPrice per
# OrderDate, the one day without orders as 0 (as the series builder fills it).
aw <- file.path(data_dir, "adventureworks")
sales <- do.call(rbind, lapply(2015:2017, function(y)
  read.csv(file.path(aw, sprintf("AdventureWorks_Sales_%d.csv", y)), stringsAsFactors = FALSE)))
products <- read.csv(file.path(aw, "AdventureWorks_Products.csv"), stringsAsFactors = FALSE)
sales$revenue <- sales$OrderQuantity * products$ProductPrice[match(sales$ProductKey, products$ProductKey)]
sales$date <- as.Date(sales$OrderDate, format = "%d-%m-%Y")
daily <- tapply(sales$revenue, sales$date, sum)
days <- seq(min(sales$date), max(sales$date), by = "day")
aw_daily <- as.numeric(daily[as.character(days)])
aw_daily[is.na(aw_daily)] <- 0

# --- stl() ------------------------------------------------------------------
stl_case <- function(name, x, period, ...) {
  fit <- stl(ts(as.numeric(x), frequency = period), ...)
  ts <- fit$time.series
  list(name = name, x = as.numeric(x), period = period, args = list(...),
       seasonal = as.numeric(ts[, "seasonal"]), trend = as.numeric(ts[, "trend"]),
       remainder = as.numeric(ts[, "remainder"]), weights = as.numeric(fit$weights),
       windows = as.list(fit$win), degrees = as.list(fit$deg), jumps = as.list(fit$jump),
       inner = fit$inner, outer = fit$outer)
}
stl_cases <- list(
  stl_case("nottem periodic", nottem, 12, s.window = "periodic"),
  stl_case("co2 s.window 21", co2, 12, s.window = 21),
  stl_case("USAccDeaths s.window 7 s.degree 1", USAccDeaths, 12, s.window = 7, s.degree = 1),
  stl_case("log AirPassengers robust", log(AirPassengers), 12, s.window = 9, robust = TRUE),
  stl_case("AirPassengers t.window 15 jumps 1", AirPassengers, 12, s.window = 13, t.window = 15,
           s.jump = 1, t.jump = 1, l.jump = 1),
  stl_case("Adventure Works daily weekly", aw_daily, 7, s.window = 11),
  stl_case("Adventure Works daily yearly", aw_daily, 365, s.window = 13)
)

# --- mstl() and forecast(mstl) ----------------------------------------------
fc <- function(f) list(method = f$method, mean = as.numeric(f$mean),
                       lower80 = as.numeric(f$lower[, 1]), upper80 = as.numeric(f$upper[, 1]),
                       lower95 = as.numeric(f$lower[, 2]), upper95 = as.numeric(f$upper[, 2]),
                       fitted = as.numeric(f$fitted))
mstl_case <- function(name, x, h, arima = TRUE, ...) {
  fit <- mstl(x, ...)
  seas <- grep("Seasonal", colnames(fit))
  seasonal <- lapply(seas, function(j) as.numeric(fit[, j]))
  names(seasonal) <- sub("Seasonal", "", colnames(fit)[seas])
  t <- system.time(for (i in 1:3) f <- forecast(fit, h = h, level = c(80, 95)))[["elapsed"]] / 3
  out <- list(name = name, x = as.numeric(x), periods = as.numeric(names(seasonal)), h = h,
              args = list(...), trend = as.numeric(fit[, "Trend"]), seasonal = seasonal,
              remainder = as.numeric(fit[, "Remainder"]), ets = fc(f), r_seconds_ets = t)
  if (arima) out$arima <- fc(forecast(fit, h = h, level = c(80, 95), method = "arima"))
  out
}
mstl_cases <- list(
  mstl_case("Adventure Works daily 7+365", msts(aw_daily, seasonal.periods = c(7, 365)), 60),
  mstl_case("Adventure Works daily 7", msts(aw_daily, seasonal.periods = 7), 28),
  mstl_case("AirPassengers", AirPassengers, 24),
  mstl_case("USAccDeaths s.window 7 robust", USAccDeaths, 24, s.window = 7, robust = TRUE),
  mstl_case("nottem 3+12", msts(as.numeric(nottem), seasonal.periods = c(3, 12)), 24)
)

out <- list(generated_by = "tests/engine/models/mstl/mstl_reference.R",
            r_version = R.version.string, forecast_version = as.character(packageVersion("forecast")),
            stl = stl_cases, mstl = mstl_cases)
writeLines(toJSON(out, digits = NA, auto_unbox = TRUE, pretty = FALSE), out_file)
cat("wrote", out_file, "\n")

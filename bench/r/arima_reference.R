# Reference numbers for Foresight's ARIMA family, made with R's stats::arima
# and the forecast package (Arima, auto.arima, ndiffs, nsdiffs).
#
#   Rscript bench/r/arima_reference.R ../shared/data tests/engine/models/arima/arima_reference.json
#
# For fixed orders it records what forecast::Arima() reports (coefficients,
# log-likelihood, AIC/AICc/BIC, sigma2) and forecast(fit, h) with 80/95%
# intervals; for auto.arima() the order it picks, its fit and R's time per
# call; for the unit-root tests the KPSS statistics, ndiffs/nsdiffs and the
# seasonal strength. Series that ship with R are written out in full (the
# tests carry them); the rest come from ../shared/data. CI never runs R.
suppressPackageStartupMessages(library(forecast))
suppressPackageStartupMessages(library(jsonlite))

args <- commandArgs(trailingOnly = TRUE)
data_dir <- if (length(args) >= 1) args[1] else "../shared/data"
out_file <- if (length(args) >= 2) args[2] else "tests/engine/models/arima/arima_reference.json"

# --- series -----------------------------------------------------------------
aw <- file.path(data_dir, "adventureworks")
sales <- do.call(rbind, lapply(2015:2017, function(y)
  read.csv(file.path(aw, sprintf("AdventureWorks_Sales_%d.csv", y)), stringsAsFactors = FALSE)))
products <- read.csv(file.path(aw, "AdventureWorks_Products.csv"), stringsAsFactors = FALSE)
sales$price <- products$ProductPrice[match(sales$ProductKey, products$ProductKey)]
sales$revenue <- sales$OrderQuantity * sales$price
sales$date <- as.Date(sales$OrderDate, format = "%d-%m-%Y")
daily <- tapply(sales$revenue, sales$date, sum)
days <- seq(min(sales$date), max(sales$date), by = "day")
daily_values <- as.numeric(daily[as.character(days)])
daily_values[is.na(daily_values)] <- 0          # the one day without orders
monthly <- tapply(sales$revenue, format(sales$date, "%Y-%m"), sum)

read_m4 <- function(id) {
  lines <- readLines(file.path(data_dir, "m4", "Weekly-train.csv"))
  row <- lines[grepl(paste0('^"', id, '",'), lines)]
  fields <- gsub('"', "", strsplit(row, ",")[[1]])
  as.numeric(fields[-1][fields[-1] != ""])
}

series <- list(
  aw_daily = list(y = ts(daily_values, frequency = 7), source = "adventureworks daily revenue, 0 filled"),
  aw_monthly = list(y = ts(as.numeric(monthly), frequency = 12, start = c(2015, 1)),
                    source = "adventureworks monthly revenue"),
  m4_w1 = list(y = ts(read_m4("W1"), frequency = 1), source = "m4 Weekly-train W1, frequency 1"),
  m4_w100 = list(y = ts(read_m4("W100"), frequency = 1), source = "m4 Weekly-train W100, frequency 1"),
  m4_w10 = list(y = ts(read_m4("W10"), frequency = 1), source = "m4 Weekly-train W10, frequency 1"),
  m4_w200 = list(y = ts(read_m4("W200"), frequency = 1), source = "m4 Weekly-train W200, frequency 1"),
  m4_w300 = list(y = ts(read_m4("W300"), frequency = 52), source = "m4 Weekly-train W300, frequency 52"),
  m4_w100_weekly = list(y = ts(read_m4("W100"), frequency = 52), source = "m4 Weekly-train W100, frequency 52"),
  air_passengers = list(y = AirPassengers, source = "R datasets AirPassengers", inline = TRUE),
  log_air_passengers = list(y = log(AirPassengers), source = "log of R datasets AirPassengers", inline = TRUE),
  us_acc_deaths = list(y = USAccDeaths, source = "R datasets USAccDeaths", inline = TRUE),
  johnson_johnson = list(y = JohnsonJohnson, source = "R datasets JohnsonJohnson (quarterly)", inline = TRUE),
  lynx = list(y = ts(as.numeric(lynx), frequency = 1), source = "R datasets lynx (annual)", inline = TRUE)
)

# --- fixed orders -------------------------------------------------------------
fixed <- list(
  list(name = "aw_daily_202_ml", series = "aw_daily", order = c(2, 0, 2), seasonal = c(0, 0, 0), method = "ML"),
  list(name = "aw_daily_202_cssml", series = "aw_daily", order = c(2, 0, 2), seasonal = c(0, 0, 0), method = "CSS-ML"),
  list(name = "aw_daily_011_011_ml", series = "aw_daily", order = c(0, 1, 1), seasonal = c(0, 1, 1), method = "ML"),
  list(name = "aw_daily_101_100_mean", series = "aw_daily", order = c(1, 0, 1), seasonal = c(1, 0, 0), method = "CSS-ML"),
  list(name = "w1_111_drift_ml", series = "m4_w1", order = c(1, 1, 1), seasonal = c(0, 0, 0), method = "ML", drift = TRUE),
  list(name = "w1_012_cssml", series = "m4_w1", order = c(0, 1, 2), seasonal = c(0, 0, 0), method = "CSS-ML"),
  list(name = "w100_210_drift_ml", series = "m4_w100", order = c(2, 1, 0), seasonal = c(0, 0, 0), method = "ML", drift = TRUE),
  list(name = "w100_520_ml", series = "m4_w100", order = c(5, 2, 0), seasonal = c(0, 0, 0), method = "ML"),
  list(name = "air_211_010_ml", series = "air_passengers", order = c(2, 1, 1), seasonal = c(0, 1, 0), method = "ML"),
  list(name = "air_110_drift_ml", series = "air_passengers", order = c(1, 1, 0), seasonal = c(0, 0, 0), method = "ML", drift = TRUE),
  list(name = "logair_011_011_ml", series = "log_air_passengers", order = c(0, 1, 1), seasonal = c(0, 1, 1), method = "ML"),
  list(name = "logair_011_011_css", series = "log_air_passengers", order = c(0, 1, 1), seasonal = c(0, 1, 1), method = "CSS"),
  list(name = "usacc_011_011_ml", series = "us_acc_deaths", order = c(0, 1, 1), seasonal = c(0, 1, 1), method = "ML"),
  list(name = "usacc_200_100_mean_ml", series = "us_acc_deaths", order = c(2, 0, 0), seasonal = c(1, 0, 0), method = "ML"),
  list(name = "usacc_101_drift_ml", series = "us_acc_deaths", order = c(1, 0, 1), seasonal = c(0, 0, 0), method = "ML", drift = TRUE),
  list(name = "aw_monthly_100_mean_ml", series = "aw_monthly", order = c(1, 0, 0), seasonal = c(0, 0, 0), method = "ML"),
  list(name = "jj_010_011_cssml", series = "johnson_johnson", order = c(0, 1, 0), seasonal = c(0, 1, 1), method = "CSS-ML"),
  list(name = "lynx_200_mean_cssml", series = "lynx", order = c(2, 0, 0), seasonal = c(0, 0, 0), method = "CSS-ML"),
  list(name = "lynx_202_nomean_ml", series = "lynx", order = c(2, 0, 2), seasonal = c(0, 0, 0), method = "ML", mean = FALSE)
)

horizon <- function(m) if (m > 1) 2 * m else 10

fit_record <- function(fit, h) {
  fc <- forecast(fit, h = h, level = c(80, 95))
  order <- unname(fit$arma[c(1, 6, 2, 3, 7, 4, 5)])
  list(
    order = order,
    label = forecast:::arima.string(fit),
    coef = as.list(coef(fit)),
    loglik = fit$loglik, aic = fit$aic, aicc = fit$aicc, bic = fit$bic,
    sigma2 = fit$sigma2, nobs = fit$nobs,
    residuals_head = unname(as.numeric(head(residuals(fit), 5))),
    residuals_tail = unname(as.numeric(tail(residuals(fit), 5))),
    mean = as.numeric(fc$mean),
    lower80 = as.numeric(fc$lower[, 1]), upper80 = as.numeric(fc$upper[, 1]),
    lower95 = as.numeric(fc$lower[, 2]), upper95 = as.numeric(fc$upper[, 2]))
}

result <- list(r_version = R.version.string,
               forecast_version = as.character(packageVersion("forecast")),
               series = list(), fixed = list(), auto = list(), unit_root = list())
for (name in names(series)) {
  s <- series[[name]]
  entry <- list(source = s$source, frequency = frequency(s$y), n = length(s$y), sum = sum(s$y))
  if (isTRUE(s$inline)) entry$values <- as.numeric(s$y)
  result$series[[name]] <- entry
}

for (case in fixed) {
  y <- series[[case$series]]$y
  fit <- tryCatch(Arima(y, order = case$order, seasonal = case$seasonal, method = case$method,
                        include.drift = isTRUE(case$drift), include.mean = !identical(case$mean, FALSE)),
                  error = function(e) e)
  if (inherits(fit, "error")) {
    # R gives up (e.g. "non-stationary AR part from CSS"); Foresight falls back.
    result$fixed[[case$name]] <- list(series = case$series, method = case$method, order = c(case$order, case$seasonal),
                                      error = conditionMessage(fit))
    message(case$name, ": error ", conditionMessage(fit))
    next
  }
  rec <- fit_record(fit, horizon(frequency(y)))
  rec$series <- case$series
  rec$method <- case$method
  rec$include_drift <- isTRUE(case$drift)
  rec$include_mean <- !identical(case$mean, FALSE)
  # update(): the same coefficients filtered over 20 more observations.
  rec$h <- horizon(frequency(y))
  result$fixed[[case$name]] <- rec
  message(case$name, ": ", rec$label, " loglik ", round(rec$loglik, 3))
}

# --- update with fixed coefficients ------------------------------------------
# Fit on all but the last 28 days, then filter the last 28 with the same
# coefficients (Arima(model = )); the forecasts must equal Foresight's update().
y <- series$aw_daily$y
train <- ts(head(as.numeric(y), length(y) - 28), frequency = 7)
fit <- Arima(train, order = c(2, 0, 2), method = "ML")
refit <- Arima(y, model = fit)
fc <- forecast(refit, h = 14)
result$update <- list(series = "aw_daily", train_n = length(train), order = c(2, 0, 2),
                      coef = as.list(coef(fit)), mean = as.numeric(fc$mean),
                      lower95 = as.numeric(fc$lower[, 2]), upper95 = as.numeric(fc$upper[, 2]),
                      sigma2_train = fit$sigma2)

# --- auto.arima -----------------------------------------------------------------
cpu_seconds <- function(t) t[["user.self"]] + t[["sys.self"]]   # CPU time: the machine may be shared
autos <- list(
  list(name = "aw_daily", series = "aw_daily"),
  list(name = "aw_monthly", series = "aw_monthly"),
  list(name = "m4_w1", series = "m4_w1"),
  list(name = "m4_w100", series = "m4_w100"),
  list(name = "m4_w10", series = "m4_w10"),
  list(name = "m4_w200", series = "m4_w200"),
  list(name = "m4_w300", series = "m4_w300"),
  list(name = "air_passengers", series = "air_passengers"),
  list(name = "log_air_passengers", series = "log_air_passengers"),
  list(name = "us_acc_deaths", series = "us_acc_deaths"),
  list(name = "johnson_johnson", series = "johnson_johnson"),
  list(name = "lynx", series = "lynx"),
  list(name = "us_acc_deaths_exhaustive", series = "us_acc_deaths", stepwise = FALSE),
  list(name = "lynx_exhaustive", series = "lynx", stepwise = FALSE),
  list(name = "aw_monthly_exhaustive", series = "aw_monthly", stepwise = FALSE),
  # Weekly data at period 52 (Foresight's default for weekly series): R's
  # polyroot is inaccurate on the degree-104 seasonal polynomials and rejects
  # models whose roots are in fact outside 1.01, so R ends elsewhere. R takes
  # minutes here (Gardner's initial covariance at r = 105).
  list(name = "m4_w100_weekly", series = "m4_w100_weekly",
       divergence = "R's polyroot misplaces roots of degree-104 seasonal polynomials")
)
for (a in autos) {
  y <- series[[a$series]]$y
  stepwise <- !identical(a$stepwise, FALSE)
  t <- system.time(fit <- auto.arima(y, stepwise = stepwise))
  rec <- fit_record(fit, horizon(frequency(y)))
  rec$series <- a$series
  rec$stepwise <- stepwise
  rec$r_seconds <- cpu_seconds(t)
  if (!is.null(a$divergence)) rec$divergence <- a$divergence
  result$auto[[a$name]] <- rec
  message("auto ", a$name, ": ", rec$label, " (", round(rec$r_seconds, 3), " s)")
}

# --- unit-root tests ----------------------------------------------------------
kpss_stat <- function(x) {
  urca::ur.kpss(x, type = "mu", use.lag = trunc(3 * sqrt(length(x)) / 13))@teststat
}
for (name in names(series)) {
  y <- series[[name]]$y
  m <- frequency(y)
  rec <- list(kpss = kpss_stat(y), kpss_diff = kpss_stat(diff(y)), ndiffs = ndiffs(y))
  if (m > 1 && length(y) > 2 * m) {
    rec$seasonal_strength <- forecast:::seas.heuristic(y)
    rec$nsdiffs <- nsdiffs(y)
    fit <- stl(y, s.window = 11)
    rec$stl_seasonal_head <- as.numeric(head(fit$time.series[, "seasonal"], 10))
    rec$stl_trend_head <- as.numeric(head(fit$time.series[, "trend"], 10))
    rec$stl_trend_tail <- as.numeric(tail(fit$time.series[, "trend"], 10))
  }
  result$unit_root[[name]] <- rec
}

# --- tiny and degenerate series ------------------------------------------------
tiny <- list(
  n3 = ts(c(112, 118, 132), frequency = 1),
  n5_monthly = ts(c(112, 118, 132, 129, 121), frequency = 12),
  n10 = ts(c(10, 12, 11, 14, 13, 15, 17, 16, 18, 19), frequency = 1),
  constant = ts(rep(42, 20), frequency = 1),
  zeros = ts(rep(0, 30), frequency = 7),
  linear = ts(seq(5, 100, by = 5), frequency = 1))
result$tiny <- list()
for (name in names(tiny)) {
  y <- tiny[[name]]
  rec <- tryCatch(fit_record(auto.arima(y), 6), error = function(e) list(error = conditionMessage(e)))
  result$tiny[[name]] <- list(values = as.numeric(y), frequency = frequency(y), auto = rec)
  message("tiny ", name, ": ", if (is.null(rec$label)) rec$error else rec$label)
}

writeLines(toJSON(result, auto_unbox = TRUE, digits = NA, pretty = TRUE, null = "null", na = "null"),
           out_file)
message("wrote ", out_file)

# Reference numbers for Foresight's ETS family, made with R's forecast package.
#
#   Rscript bench/r/ets_reference.R ../shared/data tests/engine/models/ets/ets_reference.json
#
# For every ETS form R's ets() admits on each series it records the fit (loglik,
# AIC/AICc/BIC, sigma2, parameters, initial states, optimiser counts), the point
# forecasts and the 80/95% intervals of forecast(fit, h); then the form ets()
# selects by itself (AICc, AIC, BIC, additive only), ses/holt/hw, a few tiny or
# degenerate series, and R's time per ets() call. The tests read the JSON; CI
# never runs R.
suppressPackageStartupMessages(library(forecast))
suppressPackageStartupMessages(library(jsonlite))

args <- commandArgs(trailingOnly = TRUE)
data_dir <- if (length(args) >= 1) args[1] else "../shared/data"
out_file <- if (length(args) >= 2) args[2] else "tests/engine/models/ets/ets_reference.json"

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
  m4_w1 = list(y = ts(read_m4("W1"), frequency = 1), source = "m4 Weekly-train W1"),
  m4_w100 = list(y = ts(read_m4("W100"), frequency = 1), source = "m4 Weekly-train W100"),
  air_passengers = list(y = AirPassengers, source = "R datasets AirPassengers", inline = TRUE),
  us_acc_deaths = list(y = USAccDeaths, source = "R datasets USAccDeaths", inline = TRUE),
  johnson_johnson = list(y = JohnsonJohnson, source = "R datasets JohnsonJohnson (quarterly)", inline = TRUE)
)

# --- helpers ----------------------------------------------------------------
horizon <- function(m) if (m > 1) 2 * m else 10

# forecast 8.20's analytic forecast distributions with two slips corrected,
# as Foresight computes them (docs/models.md): class1 puts gamma on the
# newest seasonal state (also without a trend; fixed upstream in 84689588),
# class3 damps the trend in its observation and transition matrices.
patch <- function(f, edits) {
  txt <- deparse(f, width.cutoff = 500L)
  for (e in edits) {
    if (!any(grepl(e[1], txt, fixed = TRUE))) stop("patch target not found: ", e[1])
    txt <- sub(e[1], e[2], txt, fixed = TRUE)
  }
  g <- eval(parse(text = txt))
  environment(g) <- environment(f)
  g
}
class1_fixed <- patch(forecast:::class1, list(c('G[3, 1] <- par["gamma"]', 'G[p - m + 1, 1] <- par["gamma"]')))
class2_fixed <- forecast:::class2
environment(class2_fixed) <- list2env(list(class1 = class1_fixed), parent = asNamespace("forecast"))
class3_fixed <- patch(forecast:::class3, list(
  c('H1 <- matrix(rep(1, 1 + (trendtype != "N")), nrow = 1)',
    'phi1 <- if (damped) par["phi"] else 1; H1 <- matrix(if (trendtype == "N") 1 else c(1, phi1), nrow = 1)'),
  c('F1 <- rbind(c(1, 1), c(0, ifelse(damped, par["phi"], 1)))', 'F1 <- rbind(c(1, phi1), c(0, phi1))'),
  c('G1 <- rbind(c(par["alpha"], par["alpha"]), c(par["beta"], par["beta"]))',
    'G1 <- rbind(c(par["alpha"], par["alpha"] * phi1), c(par["beta"], par["beta"] * phi1))')))

fixed_distribution <- function(fit, h) {
  comp <- fit$components
  args <- list(h, fit$states[nrow(fit$states), ], comp[2], comp[3], as.logical(comp[4]), fit$m, fit$sigma2, fit$par)
  f <- if (comp[3] == "M") do.call(class3_fixed, args) else if (comp[1] == "M") do.call(class2_fixed, args)
       else do.call(class1_fixed, args)
  se <- sqrt(f$var)
  list(mean_fixed = as.numeric(f$mu),
       lower80_fixed = f$mu - qnorm(0.9) * se, upper80_fixed = f$mu + qnorm(0.9) * se,
       lower95_fixed = f$mu - qnorm(0.975) * se, upper95_fixed = f$mu + qnorm(0.975) * se)
}

fit_record <- function(fit, h) {
  fc <- forecast(fit, h = h, level = c(80, 95))
  rec <- list(
    method = fit$method,
    components = unname(fit$components),
    par = as.list(fit$par),
    initstate = I(unname(as.numeric(fit$initstate))),
    sigma2 = fit$sigma2,
    mean = as.numeric(fc$mean),
    lower80 = as.numeric(fc$lower[, 1]), upper80 = as.numeric(fc$upper[, 1]),
    lower95 = as.numeric(fc$lower[, 2]), upper95 = as.numeric(fc$upper[, 2]),
    last_state = I(unname(as.numeric(fit$states[nrow(fit$states), ]))))
  rec <- c(rec, fixed_distribution(fit, h))
  if (!is.null(fit$loglik)) {
    rec$loglik <- fit$loglik; rec$aic <- fit$aic; rec$aicc <- fit$aicc; rec$bic <- fit$bic
    rec$mse <- fit$mse
  }
  optimiser <- fit[["fit"]]   # [[ ]]: `$fit` would partially match `$fitted`
  if (is.list(optimiser)) {
    rec$fncount <- optimiser$fncount; rec$fail <- optimiser$fail
  }
  rec
}

forms <- function(y) {
  m <- frequency(y)
  positive <- min(y) > 0
  out <- character(0)
  for (e in c("A", "M")) for (t in c("N", "A", "Ad")) for (s in c("N", "A", "M")) {
    if (e == "A" && s == "M") next                          # restrict = TRUE
    if (e == "M" && !positive) next
    if (s != "N" && (m == 1 || m > 24 || length(y) <= m)) next
    out <- c(out, paste0(e, t, s))
  }
  out
}

fit_form <- function(y, form) {
  model <- paste0(substr(form, 1, 1), substr(form, 2, 2), substr(form, nchar(form), nchar(form)))
  damped <- grepl("d", form)
  if (substr(form, 2, 2) == "N") ets(y, model = model) else ets(y, model = model, damped = damped)
}

# CPU seconds of one ets() call: the best of `reps` calls (load on the
# machine inflates wall time and single runs).
time_ets <- function(y, reps) {
  best <- Inf
  for (i in seq_len(reps)) {
    t <- system.time(ets(y))
    best <- min(best, t[["user.self"]] + t[["sys.self"]])
  }
  best
}

# --- run --------------------------------------------------------------------
result <- list(r_version = R.version.string,
               forecast_version = as.character(packageVersion("forecast")),
               series = list())
for (name in names(series)) {
  s <- series[[name]]
  y <- s$y
  m <- frequency(y)
  h <- horizon(m)
  entry <- list(source = s$source, frequency = m, n = length(y), sum = sum(y), h = h)
  if (isTRUE(s$inline)) entry$values <- as.numeric(y)
  entry$forms <- list()
  for (f in forms(y)) {
    fit <- tryCatch(fit_form(y, f), error = function(e) e)
    entry$forms[[f]] <- if (inherits(fit, "error")) list(error = conditionMessage(fit)) else fit_record(fit, h)
  }
  entry$auto <- list(
    aicc = fit_record(ets(y), h),
    aic = fit_record(ets(y, ic = "aic"), h),
    bic = fit_record(ets(y, ic = "bic"), h),
    additive_only = fit_record(ets(y, additive.only = TRUE), h))
  entry$named <- list(
    ses = fit_record(ses(y, h = h)$model, h),
    holt = fit_record(holt(y, h = h)$model, h),
    holt_damped = fit_record(holt(y, h = h, damped = TRUE)$model, h))
  if (m > 1 && m <= 24) {
    entry$named$hw_additive <- fit_record(hw(y, h = h, seasonal = "additive")$model, h)
    if (min(y) > 0)
      entry$named$hw_multiplicative <- fit_record(hw(y, h = h, seasonal = "multiplicative")$model, h)
  }
  entry$r_seconds_per_ets <- time_ets(y, if (length(y) > 500) 3 else 10)
  result$series[[name]] <- entry
  message(name, ": ", entry$auto$aicc$method, " (", round(entry$r_seconds_per_ets, 3), " s)")
}

# Tiny and degenerate series: what R does where data are short or constant.
tiny <- list(
  n3 = ts(c(112, 118, 132), frequency = 1),
  n5_monthly = ts(c(112, 118, 132, 129, 121), frequency = 12),
  n8_quarterly = ts(c(0.71, 0.63, 0.85, 0.44, 0.61, 0.69, 0.92, 0.55), frequency = 4),
  n10 = ts(c(10, 12, 11, 14, 13, 15, 17, 16, 18, 19), frequency = 1),
  constant = ts(rep(42, 20), frequency = 1),
  constant_monthly = ts(rep(5, 36), frequency = 12))
result$tiny <- list()
for (name in names(tiny)) {
  y <- tiny[[name]]
  h <- 6
  rec <- tryCatch(fit_record(ets(y), h), error = function(e) list(error = conditionMessage(e)))
  result$tiny[[name]] <- list(values = as.numeric(y), frequency = frequency(y), h = h, auto = rec)
}

# Building blocks: the admissible region (R's admissible() with polyroot),
# starting states (initstate(), decompose()) and Nelder-Mead as optim().
set.seed(20240601)
admissible <- list()
for (i in 1:400) {
  m <- sample(c(2, 4, 7, 12, 24), 1)
  alpha <- runif(1, -0.2, 1.6); beta <- runif(1, -0.3, 0.6); gamma <- runif(1, -0.2, 1.2)
  phi <- runif(1, 0.75, 1.0)
  seasonal <- runif(1) < 0.7
  ok <- forecast:::admissible(alpha, beta, if (seasonal) gamma else NULL, phi, if (seasonal) m else 1)
  admissible[[i]] <- list(alpha = alpha, beta = beta, gamma = if (seasonal) gamma else NA, phi = phi,
                          m = if (seasonal) m else 1, admissible = as.logical(ok))
}
result$admissible <- admissible
result$initstate <- list(
  air_passengers_AM = unname(forecast:::initstate(AirPassengers, "A", "M")),
  air_passengers_NA = unname(forecast:::initstate(AirPassengers, "N", "A")),
  us_acc_deaths_AA = unname(forecast:::initstate(USAccDeaths, "A", "A")),
  short_fourier_AM = unname(forecast:::initstate(window(AirPassengers, end = c(1950, 6)), "A", "M")),
  short_fourier_NA = unname(forecast:::initstate(window(AirPassengers, end = c(1950, 6)), "N", "A")),
  johnson_johnson_NN = I(unname(forecast:::initstate(JohnsonJohnson, "N", "N"))))
rosenbrock <- function(x) 100 * (x[2] - x[1]^2)^2 + (1 - x[1])^2
nm <- optim(c(-1.2, 1), rosenbrock)
nm_short <- optim(c(-1.2, 1), rosenbrock, control = list(maxit = 50))
result$nelder_mead <- list(
  rosenbrock = list(par = nm$par, value = nm$value, count = unname(nm$counts[1]), convergence = nm$convergence),
  rosenbrock_maxit50 = list(par = nm_short$par, value = nm_short$value, count = unname(nm_short$counts[1]),
                            convergence = nm_short$convergence))

writeLines(toJSON(result, auto_unbox = TRUE, digits = NA, pretty = TRUE, null = "null", na = "null"),
           out_file)
message("wrote ", out_file)

# Reference numbers for reconciliation on the Adventure Works territory
# hierarchy (total -> region -> country -> territory, 20 nodes, daily revenue).
#
# Independent of Foresight's engine: the base forecasts are R's
# forecast::ets() fitted to each node's series, and every method is written
# here in base R matrix algebra as the papers state it: MinT in the textbook
# form G = (S' W^-1 S)^-1 S' W^-1, y~ = S G y^ (Wickramasuriya,
# Athanasopoulos and Hyndman 2019), where the engine uses the equivalent
# projection form; W for mint_shrink as hts::MinT's shrink.estim; top-down
# and middle-out as Athanasopoulos, Ahmed and Hyndman (2009) and hts define
# them. Foresight's test feeds the same base forecasts, history and errors
# (written here; the history itself, the last 365 days of the series, the
# test builds from ../shared/data as this script's input was built) to its
# own reconciler and compares.
#
# Run from the repository root (the numbers committed were made with R 4.2
# and forecast 8.20):
#   foresight data series ../shared/data/adventureworks --by territory --out /tmp/territories.csv
#   Rscript tests/reference/hierarchy/territory_reconciliation_reference.R /tmp/territories.csv \
#       ../shared/data/adventureworks/AdventureWorks_Territories.csv \
#       > tests/engine/hierarchy/territory_reconciliation_reference.csv
# CI never runs R: the CSV is committed and the tests compare against it.
#
# Columns: node (path name, "Total" for the total), kind, pos, value. Kinds:
#   residual  ets's one-step errors (actual - fitted) over the same days
#   base      ets's forecast, steps 1..28 (pos 0..27)
#   <method>  the reconciled forecast of each method (pos = step), methods:
#             bottom_up, top_down_ahp, top_down_pha, top_down_fp,
#             middle_out (the country level), ols, wls_struct, wls_var,
#             mint_shrink
#   base_sd   the base forecasts' standard deviations, (hi95 - lo95) / (2 z)
#   <method>_sd  the reconciled standard deviations of bottom_up, ols,
#             wls_struct, wls_var and mint_shrink: sqrt(diag(S G W_h G' S')),
#             W_h = D_h R D_h with R the shrunk error correlation
#   lambda    mint_shrink's shrinkage intensity (node "Total", pos 0)
# Node order: the total, then each level's nodes sorted by path (C locale).
suppressMessages(library(forecast))
invisible(Sys.setlocale("LC_COLLATE", "C"))

args <- commandArgs(trailingOnly = TRUE)
data <- read.csv(args[1], stringsAsFactors = FALSE, check.names = FALSE)
terr <- read.csv(args[2], stringsAsFactors = FALSE, check.names = FALSE)
H <- 28
K <- 365
num <- function(v) trimws(formatC(v, digits = 17, format = "g"))

# Bottom series and their paths (region/country/territory).
territories <- unique(data$series)
bottom_paths <- lapply(territories, function(t) {
  r <- terr[terr$Region == t, ][1, ]
  c(r$Continent, r$Country, t)
})
names(bottom_paths) <- territories
join <- function(parts) if (length(parts) == 0) "Total" else paste(parts, collapse = "/")
nodes <- list(character(0))
for (d in 1:3) {
  prefixes <- unique(lapply(bottom_paths, function(p) p[1:d]))
  keys <- vapply(prefixes, join, "")
  nodes <- c(nodes, prefixes[order(keys)])
}
node_names <- vapply(nodes, join, "")
n <- length(nodes)
bottom_idx <- which(vapply(nodes, length, 0) == 3)
m <- length(bottom_idx)
S <- matrix(0, n, m)
for (i in 1:n) for (j in 1:m) {
  p <- nodes[[bottom_idx[j]]]
  d <- length(nodes[[i]])
  if (d == 0 || all(p[1:d] == nodes[[i]])) S[i, j] <- 1
}
depth <- vapply(nodes, length, 0)

# Node series: sums of the bottom series.
len <- sum(data$series == territories[1])
Y <- matrix(0, n, len)
bottom_series <- t(vapply(node_names[bottom_idx], function(name) {
  t <- tail(strsplit(name, "/")[[1]], 1)
  data$value[data$series == t]
}, numeric(len)))
Y <- S %*% bottom_series

base <- matrix(0, n, H)
base_sd <- matrix(0, n, H)
res <- matrix(0, n, len)
for (i in 1:n) {
  fit <- ets(ts(Y[i, ], frequency = 7))
  fc <- forecast(fit, h = H, level = 95)
  base[i, ] <- as.numeric(fc$mean)
  base_sd[i, ] <- (as.numeric(fc$upper) - as.numeric(fc$lower)) / (2 * qnorm(0.975))
  res[i, ] <- Y[i, ] - as.numeric(fitted(fit))
}
hist <- Y[, (len - K + 1):len]
res <- res[, (len - K + 1):len]

mint_g <- function(W) {
  Wi <- solve(W)
  solve(t(S) %*% Wi %*% S) %*% t(S) %*% Wi
}
mint <- function(W) S %*% mint_g(W) %*% base
# Reconciled standard deviations (Gaussian): Var(y~_h) = S G W_h G' S' with
# W_h = D_h R D_h, D_h the base forecasts' standard deviations at step h
# (from ets' 95% intervals) and R the shrunk error correlation, the same for
# every method.
reconciled_sd <- function(G, R) {
  vapply(1:H, function(h) {
    D <- diag(base_sd[, h])
    sqrt(diag(S %*% G %*% D %*% R %*% D %*% t(G) %*% t(S)))
  }, numeric(n))
}
shrink <- function(x) {
  tt <- nrow(x)
  covm <- crossprod(x) / tt
  corm <- cov2cor(covm)
  xs <- scale(x, center = FALSE, scale = sqrt(diag(covm)))
  v <- (1 / (tt * (tt - 1))) * (crossprod(xs^2) - 1 / tt * (crossprod(xs))^2)
  diag(v) <- 0
  d <- (corm - diag(nrow(covm)))^2
  lambda <- max(min(sum(v) / sum(d), 1), 0)
  list(W = lambda * diag(diag(covm)) + (1 - lambda) * covm, lambda = lambda)
}
children <- function(i) which(vapply(seq_len(n), function(k)
  depth[k] == depth[i] + 1 && all(nodes[[k]][seq_len(depth[i])] == nodes[[i]]), TRUE))
split_down <- function(from_depth) {
  v <- matrix(0, n, H)
  for (i in seq_len(n)) {
    if (depth[i] == from_depth) v[i, ] <- base[i, ]
    if (depth[i] < from_depth || depth[i] == 3) next
    ch <- children(i)
    for (h in 1:H) {
      b <- pmax(base[ch, h], 0)
      share <- if (sum(b) > 0) b / sum(b) else rep(1 / length(ch), length(ch))
      v[ch, h] <- v[i, h] * share
    }
  }
  S %*% v[bottom_idx, ]
}

total <- hist[1, ]
bottom_hist <- hist[bottom_idx, ]
ahp <- rowMeans(sweep(bottom_hist[, total != 0, drop = FALSE], 2, total[total != 0], "/"))
pha <- rowSums(bottom_hist) / sum(total)
sh <- shrink(t(res))
results <- list(
  bottom_up = S %*% base[bottom_idx, ],
  top_down_ahp = S %*% (ahp %o% base[1, ]),
  top_down_pha = S %*% (pha %o% base[1, ]),
  top_down_fp = split_down(0),
  middle_out = split_down(2),
  ols = mint(diag(n)),
  wls_struct = mint(diag(rowSums(S))),
  wls_var = mint(diag(diag(crossprod(t(res)) / ncol(res)))),
  mint_shrink = mint(sh$W))

R_shrunk <- cov2cor(sh$W)
bottom_g <- cbind(matrix(0, m, n - m), diag(m))
sds <- list(
  bottom_up_sd = reconciled_sd(bottom_g, R_shrunk),
  ols_sd = reconciled_sd(mint_g(diag(n)), R_shrunk),
  wls_struct_sd = reconciled_sd(mint_g(diag(rowSums(S))), R_shrunk),
  wls_var_sd = reconciled_sd(mint_g(diag(diag(crossprod(t(res)) / ncol(res)))), R_shrunk),
  mint_shrink_sd = reconciled_sd(mint_g(sh$W), R_shrunk))

cat("node,kind,pos,value\n")
out <- function(i, kind, values) for (p in seq_along(values)) cat(node_names[i], ",", kind, ",", p - 1, ",", num(values[p]), "\n", sep = "")
for (i in 1:n) {
  out(i, "residual", res[i, ])
  out(i, "base", base[i, ])
  out(i, "base_sd", base_sd[i, ])
  for (method in names(results)) out(i, method, results[[method]][i, ])
  for (kind in names(sds)) out(i, kind, sds[[kind]][i, ])
}
cat("Total,lambda,0,", num(sh$lambda), "\n", sep = "")

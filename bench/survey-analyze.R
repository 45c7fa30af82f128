# The reference timing for bench/survey: one indicator (eenzaam, DJG-11 total >= 3) by wijk
# with R's survey package on the same file, as an analyst would do it in R.
#   Rscript bench/survey-analyze.R FILE.csv
suppressPackageStartupMessages(library(survey))
args <- commandArgs(trailingOnly = TRUE)
started <- proc.time()[["elapsed"]]
d <- read.csv2(args[1], colClasses = "character", na.strings = character(0))
d$weging <- as.numeric(sub(",", ".", d$weging, fixed = TRUE))
positive <- c(1, 4, 7, 8, 11)
items <- sapply(1:11, function(i) {
  a <- gsub(" !", "!", gsub("[[:space:]]+", " ", tolower(trimws(d[[paste0("djg", i)]]))), fixed = TRUE)
  lonely <- if (i %in% positive) c("nee!", "nee", "min of meer") else c("ja!", "ja", "min of meer")
  ifelse(a == "", NA, as.integer(a %in% lonely))
})
missing <- rowSums(is.na(items))
d$eenzaam <- ifelse(missing > 1, NA, as.numeric(rowSums(items, na.rm = TRUE) >= 3))
d <- d[!is.na(d$eenzaam), ]
design <- svydesign(ids = ~1, strata = ~stratum, weights = ~weging, data = d)
result <- svyby(~eenzaam, ~wijk, design, svyciprop, vartype = "ci", method = "beta")
elapsed <- proc.time()[["elapsed"]] - started
cat(sprintf("R survey: %.1f s for %d domains\n", elapsed, nrow(result)))

#include "RBaseline.h"

#include <spawn.h>
#include <sys/wait.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>

#include "BenchClock.h"

extern char** environ;

namespace foresight::bench {

namespace {

std::vector<std::string> splitCommas(const std::string& line) {
  std::vector<std::string> fields;
  std::stringstream in(line);
  std::string field;
  while (std::getline(in, field, ',')) fields.push_back(field);
  return fields;
}

void writeInput(const std::string& path, const std::vector<BenchSeries>& series) {
  std::ofstream out(path);
  out.precision(17);
  for (const BenchSeries& s : series) {
    out << s.id << ',' << s.period << ',' << s.horizon;
    for (double v : s.train) out << ',' << v;
    out << '\n';
  }
  if (!out) throw std::runtime_error("cannot write " + path);
}

// Runs argv, waits; the exit code, or -1 with `error` set when it could not start.
int spawnAndWait(const std::vector<std::string>& argv, std::string& error) {
  std::vector<char*> args;
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  pid_t pid = 0;
  const int rc = posix_spawnp(&pid, args[0], nullptr, nullptr, args.data(), environ);
  if (rc != 0) {
    error = argv[0] + ": " + std::strerror(rc);
    return -1;
  }
  int status = 0;
  while (waitpid(pid, &status, 0) < 0)
    if (errno != EINTR) {
      error = std::string("waitpid: ") + std::strerror(errno);
      return -1;
    }
  if (WIFSIGNALED(status)) {
    error = argv[0] + " killed by signal " + std::to_string(WTERMSIG(status));
    return -1;
  }
  return WEXITSTATUS(status);
}

void readOutput(const std::string& path, RRun& run) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("R wrote no " + path);
  std::string line;
  std::size_t lineNo = 0;
  while (std::getline(in, line)) {
    ++lineNo;
    const std::vector<std::string> f = splitCommas(line);
    if (lineNo == 1) {
      if (f.size() != 3 || f[0] != "#versions") throw std::runtime_error(path + ":1: no #versions line");
      run.rVersion = f[1];
      run.forecastVersion = f[2];
      continue;
    }
    if (f.size() < 4) throw std::runtime_error(path + ":" + std::to_string(lineNo) + ": fewer than 4 fields");
    RResult r;
    if (f[2] != "NA") {
      r.seconds = std::strtod(f[2].c_str(), nullptr);
      r.reps = std::atoi(f[3].c_str());
      for (std::size_t i = 4; i < f.size(); ++i) r.mean.push_back(std::strtod(f[i].c_str(), nullptr));
    }
    run.results[f[0]][f[1]] = std::move(r);
  }
}

}  // namespace

RRun readRResults(const std::string& path) {
  RRun run;
  readOutput(path, run);
  run.ran = true;
  return run;
}

bool hasRCounterpart(const std::string& model) {
  return model == "ets" || model == "theta" || model == "auto_arima";
}

RRun runR(const std::string& rscript, const std::string& script, const std::vector<BenchSeries>& series,
          const std::vector<std::string>& models, const std::string& workDir) {
  RRun run;
  std::string list;
  for (const std::string& m : models)
    if (hasRCounterpart(m)) list += (list.empty() ? "" : ",") + m;
  if (list.empty()) {
    run.note = "none of the models has an R counterpart";
    return run;
  }
  const std::string input = workDir + "/series.csv", output = workDir + "/r_forecasts.csv";
  writeInput(input, series);
  std::string error;
  const double wall0 = wallSeconds(), cpu0 = processCpuSeconds(RUSAGE_CHILDREN);
  const int code = spawnAndWait({rscript, script, input, output, list}, error);
  run.wallSeconds = wallSeconds() - wall0;
  run.cpuSeconds = processCpuSeconds(RUSAGE_CHILDREN) - cpu0;
  run.peakRssMiB = peakRssMiB(RUSAGE_CHILDREN);
  if (code < 0) run.note = "R skipped: " + error;
  else if (code == 3) run.note = "R skipped: the forecast package is not installed";
  else if (code != 0) run.note = "R failed: " + rscript + " exited with " + std::to_string(code);
  else {
    readOutput(output, run);
    run.ran = true;
  }
  return run;
}

}  // namespace foresight::bench

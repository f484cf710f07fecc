#include "pipeline/SvgChart.h"

#include <algorithm>
#include <cmath>
#include <cstdio>  // std::snprintf

namespace foresight::pipeline {

namespace {

constexpr double kWidth = 800, kHeight = 360, kLeft = 70, kRight = 20, kTop = 40, kBottom = 40;

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

std::string header(double width, double height, const std::string& title) {
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + num(width) + "\" height=\"" + num(height) +
         "\" viewBox=\"0 0 " + num(width) + " " + num(height) +
         "\" font-family=\"sans-serif\" font-size=\"12\">\n<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
         "<text x=\"" + num(width / 2) + "\" y=\"22\" text-anchor=\"middle\" font-size=\"15\">" +
         SvgChart::escape(title) + "</text>\n";
}

// Maps data to pixels inside the plot area.
struct Scale {
  double x0, x1, y0, y1;
  double px(double x) const { return kLeft + (x - x0) / (x1 - x0) * (kWidth - kLeft - kRight); }
  double py(double y) const { return kHeight - kBottom - (y - y0) / (y1 - y0) * (kHeight - kTop - kBottom); }
};

// A polyline through the finite points; breaks at NaN.
std::string path(const std::vector<std::pair<double, double>>& pts, const Scale& s) {
  std::string d;
  bool pen = false;
  for (const auto& [x, y] : pts) {
    if (std::isnan(y)) {
      pen = false;
      continue;
    }
    d += (pen ? " L" : " M") + num(s.px(x)) + "," + num(s.py(y));
    pen = true;
  }
  return d;
}

// "95%": the widest level of the forecast, the one drawn as the band.
std::string forecastLevelText(const Forecast& f) {
  return f.levels.empty() ? std::string() : SvgChart::shortNumber(f.levels.back()) + "%";
}

}  // namespace

std::string SvgChart::escape(const std::string& text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string SvgChart::shortNumber(double v) {
  char buf[32];
  const double a = std::fabs(v);
  if (a >= 1e9) std::snprintf(buf, sizeof buf, "%.3gG", v / 1e9);
  else if (a >= 1e6) std::snprintf(buf, sizeof buf, "%.3gM", v / 1e6);
  else if (a >= 1e4) std::snprintf(buf, sizeof buf, "%.3gk", v / 1e3);
  else if (a >= 100) std::snprintf(buf, sizeof buf, "%.0f", v);
  else std::snprintf(buf, sizeof buf, "%.3g", v);
  return buf;
}

std::string SvgChart::forecast(const std::string& title, const TimeSeries& history, const Forecast& f) {
  std::vector<std::pair<double, double>> hist, mean;
  std::vector<double> lo, hi;
  double ymin = INFINITY, ymax = -INFINITY;
  const auto see = [&](double y) {
    if (std::isnan(y)) return;
    ymin = std::min(ymin, y);
    ymax = std::max(ymax, y);
  };
  for (Eigen::Index i = 0; i < history.size(); ++i) {
    hist.emplace_back(history.dateAt(i).days(), history.values[i]);
    see(history.values[i]);
  }
  const Eigen::Index band = f.lower.cols() - 1;  // levels ascend: the last is the widest
  for (Eigen::Index h = 0; h < f.horizon(); ++h) {
    mean.emplace_back(f.dateAt(h).days(), f.mean[h]);
    see(f.mean[h]);
    if (band >= 0) {
      lo.push_back(f.lower(h, band));
      hi.push_back(f.upper(h, band));
      see(lo.back());
      see(hi.back());
    }
  }
  if (!(ymin < ymax)) {
    ymin = std::isfinite(ymin) ? ymin - 1 : 0;
    ymax = ymin + 2;
  }
  const double x0 = hist.empty() ? mean.front().first : hist.front().first;
  const double x1 = mean.empty() ? x0 + 1 : std::max(mean.back().first, x0 + 1);
  const Scale s{x0, x1, ymin - 0.05 * (ymax - ymin), ymax + 0.05 * (ymax - ymin)};
  std::string svg = header(kWidth, kHeight, title);
  for (int k = 0; k <= 4; ++k) {  // horizontal grid with value labels
    const double y = s.y0 + (s.y1 - s.y0) * k / 4;
    svg += "<line x1=\"" + num(kLeft) + "\" x2=\"" + num(kWidth - kRight) + "\" y1=\"" + num(s.py(y)) + "\" y2=\"" +
           num(s.py(y)) + "\" stroke=\"#ddd\"/><text x=\"" + num(kLeft - 6) + "\" y=\"" + num(s.py(y) + 4) +
           "\" text-anchor=\"end\">" + shortNumber(y) + "</text>\n";
  }
  for (int k = 0; k <= 4; ++k) {  // date labels
    const double x = x0 + (x1 - x0) * k / 4;
    svg += "<text x=\"" + num(s.px(x)) + "\" y=\"" + num(kHeight - kBottom + 18) + "\" text-anchor=\"" + (k == 0 ? "start" : k == 4 ? "end" : "middle") + "\">" +
           Date::fromDays(static_cast<std::int32_t>(std::lround(x))).toIso() + "</text>\n";
  }
  if (!lo.empty()) {
    std::string d;
    for (std::size_t h = 0; h < lo.size(); ++h) d += (h ? " L" : "M") + num(s.px(mean[h].first)) + "," + num(s.py(hi[h]));
    for (std::size_t h = lo.size(); h-- > 0;) d += " L" + num(s.px(mean[h].first)) + "," + num(s.py(lo[h]));
    svg += "<path d=\"" + d + " Z\" fill=\"#f4a261\" fill-opacity=\"0.35\" stroke=\"none\"><title>" +
           escape(forecastLevelText(f)) + "</title></path>\n";
  }
  svg += "<path d=\"" + path(hist, s) + "\" fill=\"none\" stroke=\"#264653\" stroke-width=\"1.2\"/>\n";
  svg += "<path d=\"" + path(mean, s) + "\" fill=\"none\" stroke=\"#e76f51\" stroke-width=\"1.8\" stroke-dasharray=\"5,3\"/>\n";
  svg += "<text x=\"" + num(kLeft + 8) + "\" y=\"" + num(kTop + 12) +
         "\" fill=\"#264653\">actual</text><text x=\"" + num(kLeft + 60) + "\" y=\"" + num(kTop + 12) +
         "\" fill=\"#e76f51\">forecast" + (lo.empty() ? "" : " with " + escape(forecastLevelText(f)) + " interval") +
         "</text>\n</svg>\n";
  return svg;
}

std::string SvgChart::bars(const std::string& title, const std::vector<std::pair<std::string, double>>& bars) {
  const double rowHeight = 26, labelWidth = 260;
  const double height = kTop + rowHeight * static_cast<double>(bars.size()) + 20;
  double vmax = 0;
  for (const auto& b : bars)
    if (std::isfinite(b.second)) vmax = std::max(vmax, b.second);
  if (vmax <= 0) vmax = 1;
  std::string svg = header(kWidth, height, title);
  const double span = kWidth - labelWidth - 80;
  for (std::size_t i = 0; i < bars.size(); ++i) {
    const double y = kTop + rowHeight * static_cast<double>(i);
    const auto& [label, v] = bars[i];
    svg += "<text x=\"" + num(labelWidth - 8) + "\" y=\"" + num(y + 17) + "\" text-anchor=\"end\">" +
           escape(label.size() > 40 ? label.substr(0, 37) + "..." : label) + "</text>\n";
    if (!std::isfinite(v)) {
      svg += "<text x=\"" + num(labelWidth) + "\" y=\"" + num(y + 17) + "\">n/a</text>\n";
      continue;
    }
    const double w = std::max(1.0, std::max(0.0, v) / vmax * span);
    svg += "<rect x=\"" + num(labelWidth) + "\" y=\"" + num(y + 4) + "\" width=\"" + num(w) + "\" height=\"" +
           num(rowHeight - 8) + "\" fill=\"" + (i == 0 ? "#2a9d8f" : "#8ab17d") + "\"/><text x=\"" +
           num(labelWidth + w + 6) + "\" y=\"" + num(y + 17) + "\">" + shortNumber(v) + "</text>\n";
  }
  return svg + "</svg>\n";
}

}  // namespace foresight::pipeline

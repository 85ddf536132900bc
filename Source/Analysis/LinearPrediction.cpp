#include "Analysis/LinearPrediction.h"
#include <algorithm>
#include <cmath>

namespace loopmind::analysis {

namespace {
using Matrix = std::vector<std::vector<double>>;

/** Solves (A + ridge I) c = b for a symmetric positive semi-definite A by Cholesky, in place. */
std::vector<double> solveRidge(Matrix a, std::vector<double> b)
{
    const size_t p = b.size();
    double trace = 0;
    for (size_t i = 0; i < p; ++i)
        trace += a[i][i];
    const double ridge = 1e-4 * trace / double(p) + 1e-20;
    for (size_t i = 0; i < p; ++i)
        a[i][i] += ridge;
    for (size_t j = 0; j < p; ++j) {
        double d = a[j][j];
        for (size_t k = 0; k < j; ++k)
            d -= a[j][k] * a[j][k];
        const double l = std::sqrt(std::max(d, 1e-30));
        a[j][j] = l;
        for (size_t i = j + 1; i < p; ++i) {
            double v = a[i][j];
            for (size_t k = 0; k < j; ++k)
                v -= a[i][k] * a[j][k];
            a[i][j] = v / l;
        }
    }
    for (size_t i = 0; i < p; ++i) { // L y = b
        for (size_t k = 0; k < i; ++k)
            b[i] -= a[i][k] * b[k];
        b[i] /= a[i][i];
    }
    for (size_t i = p; i-- > 0;) { // L^T c = y
        for (size_t k = i + 1; k < p; ++k)
            b[i] -= a[k][i] * b[k];
        b[i] /= a[i][i];
    }
    return b;
}
} // namespace

PredictionErrors predictionErrors(const std::vector<double>& s, int order, int fitCount)
{
    PredictionErrors r;
    const int n = int(s.size());
    if (order < 1 || fitCount < 1 || n < order + fitCount)
        return r;
    const auto p = size_t(order);
    Matrix g(p, std::vector<double>(p, 0.0));
    std::vector<double> b(p, 0.0);
    double targetPower = 0;
    for (int k = order; k < order + fitCount; ++k) {
        for (size_t i = 0; i < p; ++i) {
            b[i] += s[size_t(k) - 1 - i] * s[size_t(k)];
            for (size_t j = 0; j <= i; ++j)
                g[i][j] += s[size_t(k) - 1 - i] * s[size_t(k) - 1 - j];
        }
        targetPower += s[size_t(k)] * s[size_t(k)];
    }
    for (size_t i = 0; i < p; ++i)
        for (size_t j = 0; j < i; ++j)
            g[j][i] = g[i][j];
    const auto c = solveRidge(std::move(g), std::move(b));
    r.errors.resize(size_t(n - order));
    double fitPower = 0;
    for (int k = order; k < n; ++k) {
        double predicted = 0;
        for (size_t i = 0; i < p; ++i)
            predicted += c[i] * s[size_t(k) - 1 - i];
        const double e = s[size_t(k)] - predicted;
        r.errors[size_t(k - order)] = e;
        if (k < order + fitCount)
            fitPower += e * e;
    }
    r.fitRms = std::sqrt(fitPower / fitCount);
    r.signalRms = std::sqrt(targetPower / fitCount);
    return r;
}

} // namespace loopmind::analysis

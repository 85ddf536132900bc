// The analysis FFT (real input as half-size complex) against a direct DFT.
#include "Analysis/RealFft.h"
#include <catch2/catch.hpp>
#include <cmath>
#include <vector>

TEST_CASE("real FFT matches a direct DFT at every size the analysis uses", "[analysis][fft]")
{
    for (int order : { 2, 3, 8, 10, 11 }) {
        const int n = 1 << order;
        std::vector<float> x(static_cast<size_t>(n)), out(static_cast<size_t>(n) + 2);
        std::uint32_t seed = 7u + unsigned(order);
        for (auto& v : x) {
            seed = seed * 1664525u + 1013904223u;
            v = float(seed >> 8) / float(1u << 23) - 1.0f;
        }
        loopmind::analysis::detail::RealFft fft(order);
        REQUIRE(fft.size() == n);
        fft.forward(x.data(), out.data());
        double worst = 0.0;
        for (int k = 0; k <= n / 2; ++k) {
            double re = 0.0, im = 0.0;
            for (int t = 0; t < n; ++t) {
                const double a = -2.0 * 3.14159265358979323846 * double(k) * t / n;
                re += x[size_t(t)] * std::cos(a);
                im += x[size_t(t)] * std::sin(a);
            }
            worst = std::max({ worst, std::abs(re - out[size_t(2 * k)]), std::abs(im - out[size_t(2 * k + 1)]) });
        }
        INFO("order " << order);
        CHECK(worst < 1e-4 * n);
    }
}

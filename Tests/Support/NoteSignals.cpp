#include "Support/NoteSignals.h"
#include <algorithm>
#include <cmath>

namespace loopmind::test {

std::vector<float> plucks(const std::vector<std::vector<int>>& chords, double spacing, double length, double seconds, double rate)
{
    constexpr double pi = 3.14159265358979323846;
    std::vector<float> out(size_t(seconds * rate), 0.0f);
    const auto noteSamples = size_t(length * rate);
    for (size_t k = 0; double(k) * spacing < seconds; ++k) {
        const auto start = size_t(double(k) * spacing * rate);
        for (int midi : chords[k % chords.size()]) {
            const double hz = 440.0 * std::pow(2.0, (midi - 69) / 12.0);
            for (size_t i = 0; i < noteSamples && start + i < out.size(); ++i) {
                const double t = double(i) / rate;
                double v = 0.0;
                for (int h = 1; h <= 8; ++h)
                    v += std::sin(2 * pi * hz * h * t) / h;
                const double release = std::min(1.0, double(noteSamples - i) / (0.002 * rate));
                out[start + i] += float(0.3 * v * std::exp(-t / 0.12) * release);
            }
        }
    }
    return out;
}

} // namespace loopmind::test

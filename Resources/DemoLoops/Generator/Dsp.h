#pragma once
// Small DSP building blocks for the demo-loop generator. Everything here is deterministic: no
// clocks, no std::*_distribution (implementation-defined), only our own seeded generator.
#include "Core/DeterministicRandom.h"
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

namespace loopmind::demogen {

constexpr double kPi = 3.14159265358979323846;
constexpr double kTwoPi = 2.0 * kPi;

/** The project's seeded generator (Core/DeterministicRandom.h) with the helpers the voices use. */
class Rng : public DeterministicRandom {
public:
    using DeterministicRandom::DeterministicRandom;
    std::uint64_t next() { return nextU64(); }
    double unit() { return nextUnit(); }                                          // [0, 1)
    double bipolar() { return unit() * 2.0 - 1.0; }                               // [-1, 1)
    double range(double lo, double hi) { return lo + (hi - lo) * unit(); }
};

/** Equal temperament, A4 (MIDI 69) = 440 Hz. */
inline double midiToHz(double midi) { return 440.0 * std::pow(2.0, (midi - 69.0) / 12.0); }

/** Per-sample multiplier of an exponential decay with time constant `seconds`. */
inline double decayCoef(double seconds, double sampleRate) { return std::exp(-1.0 / (seconds * sampleRate)); }

struct PanGains {
    double left, right;
};

/** Equal-power pan, -1 = left, +1 = right. */
inline PanGains panGains(double pan)
{
    const double a = (std::clamp(pan, -1.0, 1.0) + 1.0) * 0.25 * kPi;
    return {std::cos(a), std::sin(a)};
}

/** ADSR whose decay and release chase a target slightly past their goal, so a voice reaches an
    exact zero in finite time and never ends on a step (a click). */
class Envelope {
public:
    Envelope(double attackS, double decayS, double sustain, double releaseS, double sampleRate)
        : attackInc_(1.0 / std::max(1.0, attackS * sampleRate)),
          decayK_(decayCoef(decayS, sampleRate)),
          releaseK_(decayCoef(releaseS, sampleRate)),
          sustain_(sustain)
    {}

    double next()
    {
        switch (stage_) {
        case Stage::attack:
            level_ += attackInc_;
            if (level_ >= 1.0) { level_ = 1.0; stage_ = Stage::decay; }
            break;
        case Stage::decay: {
            const double target = sustain_ - kOvershoot;
            level_ = target + (level_ - target) * decayK_;
            if (level_ <= sustain_) { level_ = sustain_; stage_ = sustain_ > 0.0 ? Stage::sustain : Stage::done; }
            break;
        }
        case Stage::sustain: break;
        case Stage::release:
            level_ = -kOvershoot + (level_ + kOvershoot) * releaseK_;
            if (level_ <= 0.0) { level_ = 0.0; stage_ = Stage::done; }
            break;
        case Stage::done: level_ = 0.0; break;
        }
        return level_;
    }

    void release()
    {
        if (stage_ != Stage::done)
            stage_ = Stage::release;
    }

    bool done() const { return stage_ == Stage::done; }

private:
    enum class Stage { attack, decay, sustain, release, done };
    static constexpr double kOvershoot = 0.02;
    double attackInc_, decayK_, releaseK_, sustain_;
    double level_ = 0.0;
    Stage stage_ = Stage::attack;
};

/** Topology-preserving (trapezoidal) state-variable filter: stays stable under per-sample sweeps. */
class Svf {
public:
    struct Out {
        double low, band, high;
    };

    void set(double cutoffHz, double q, double sampleRate)
    {
        const double hz = std::clamp(cutoffHz, 10.0, sampleRate * 0.45);
        g_ = std::tan(kPi * hz / sampleRate);
        k_ = 1.0 / q;
        a1_ = 1.0 / (1.0 + g_ * (g_ + k_));
        a2_ = g_ * a1_;
        a3_ = g_ * a2_;
    }

    Out process(double x)
    {
        const double v3 = x - ic2_;
        const double v1 = a1_ * ic1_ + a2_ * v3;
        const double v2 = ic2_ + a2_ * ic1_ + a3_ * v3;
        ic1_ = 2.0 * v1 - ic1_;
        ic2_ = 2.0 * v2 - ic2_;
        return {v2, v1, x - k_ * v1 - v2};
    }

private:
    double g_ = 0.0, k_ = 1.0, a1_ = 0.0, a2_ = 0.0, a3_ = 0.0, ic1_ = 0.0, ic2_ = 0.0;
};

/** One-pole low-pass for gentle darkening and smoothing. */
class OnePole {
public:
    void set(double cutoffHz, double sampleRate) { a_ = 1.0 - std::exp(-kTwoPi * cutoffHz / sampleRate); }
    double process(double x) { return y_ += a_ * (x - y_); }

private:
    double a_ = 1.0, y_ = 0.0;
};

/** PolyBLEP residual: rounds the saw/square discontinuities so low notes do not alias audibly. */
inline double polyBlep(double t, double dt)
{
    if (t < dt) { t /= dt; return t + t - t * t - 1.0; }
    if (t > 1.0 - dt) { t = (t - 1.0) / dt; return t * t + t + t + 1.0; }
    return 0.0;
}

/** Band-limited-ish saw and square from one phase accumulator. */
class Oscillator {
public:
    explicit Oscillator(double startPhase = 0.0) : phase_(startPhase) {}
    void setFrequency(double hz, double sampleRate) { inc_ = hz / sampleRate; }
    double phase() const { return phase_; }

    double saw()
    {
        const double v = 2.0 * phase_ - 1.0 - polyBlep(phase_, inc_);
        advance();
        return v;
    }

    double square()
    {
        double v = phase_ < 0.5 ? 1.0 : -1.0;
        v += polyBlep(phase_, inc_);
        v -= polyBlep(std::fmod(phase_ + 0.5, 1.0), inc_);
        advance();
        return v;
    }

    double sine()
    {
        const double v = std::sin(kTwoPi * phase_);
        advance();
        return v;
    }

private:
    void advance()
    {
        phase_ += inc_;
        if (phase_ >= 1.0) phase_ -= 1.0;
    }

    double phase_ = 0.0, inc_ = 0.0;
};

/** Exactly one loop of audio. Writes past the end wrap to the start, so a tail that overhangs
    the loop end sounds at the loop start and the file repeats seamlessly. */
class LoopBuffer {
public:
    LoopBuffer(int numChannels, std::int64_t numSamples)
        : length_(numSamples), data_(size_t(numChannels), std::vector<double>(size_t(numSamples), 0.0))
    {}

    std::int64_t length() const { return length_; }
    int channels() const { return int(data_.size()); }
    std::vector<double>& channel(int c) { return data_[size_t(c)]; }
    const std::vector<double>& channel(int c) const { return data_[size_t(c)]; }

    /** Adds a stereo sample at any position (negative or past the end wraps); mono takes the mean. */
    void add(std::int64_t pos, double left, double right)
    {
        const auto i = size_t(((pos % length_) + length_) % length_);
        if (data_.size() == 1) {
            data_[0][i] += 0.5 * (left + right);
        } else {
            data_[0][i] += left;
            data_[1][i] += right;
        }
    }

    /** Mixes `other` (same length) in with a gain. */
    void mix(const LoopBuffer& other, double gain)
    {
        for (int c = 0; c < channels(); ++c) {
            const auto& src = other.channel(std::min(c, other.channels() - 1));
            auto& dst = data_[size_t(c)];
            for (size_t i = 0; i < dst.size(); ++i) dst[i] += gain * src[i];
        }
    }

private:
    std::int64_t length_;
    std::vector<std::vector<double>> data_;
};

} // namespace loopmind::demogen

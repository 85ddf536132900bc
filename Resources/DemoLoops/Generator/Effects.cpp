#include "Effects.h"

namespace loopmind::demogen {
namespace {

/** Runs `process(l, r)` over the loop `passes` times and keeps the final pass. */
template <typename Process>
void processCircular(LoopBuffer& buffer, int passes, Process&& process)
{
    const bool stereo = buffer.channels() > 1;
    const std::vector<double> inL = buffer.channel(0);
    const std::vector<double> inR = buffer.channel(stereo ? 1 : 0);
    for (int pass = 0; pass < passes; ++pass) {
        const bool keep = pass == passes - 1;
        for (size_t i = 0; i < inL.size(); ++i) {
            double l = inL[i], r = inR[i];
            process(l, r);
            if (!keep) continue;
            if (stereo) {
                buffer.channel(0)[i] = l;
                buffer.channel(1)[i] = r;
            } else {
                buffer.channel(0)[i] = 0.5 * (l + r);
            }
        }
    }
}

/** Enough passes for a tail of `decaySeconds` (to -60 dB) to die away before the kept pass. */
int passesFor(const LoopBuffer& buffer, double sampleRate, double decaySeconds)
{
    const double loopSeconds = double(buffer.length()) / sampleRate;
    return 2 + int(std::ceil(2.0 * decaySeconds / loopSeconds));
}

class DelayLine {
public:
    explicit DelayLine(std::int64_t samples) : line_(size_t(std::max<std::int64_t>(1, samples)), 0.0) {}
    double read() const { return line_[pos_]; }
    void write(double x)
    {
        line_[pos_] = x;
        if (++pos_ == line_.size()) pos_ = 0;
    }

private:
    std::vector<double> line_;
    size_t pos_ = 0;
};

class Comb {
public:
    Comb(std::int64_t samples, double feedback, double dampHz, double sampleRate) : line_(samples), feedback_(feedback)
    {
        damp_.set(dampHz, sampleRate);
    }
    double process(double x)
    {
        const double y = line_.read();
        line_.write(x + feedback_ * damp_.process(y));
        return y;
    }

private:
    DelayLine line_;
    OnePole damp_;
    double feedback_;
};

class AllPass {
public:
    AllPass(std::int64_t samples, double g) : line_(samples), g_(g) {}
    double process(double x)
    {
        const double delayed = line_.read();
        const double v = x + g_ * delayed;
        line_.write(v);
        return delayed - g_ * v;
    }

private:
    DelayLine line_;
    double g_;
};

} // namespace

void reverb(LoopBuffer& buffer, double sampleRate, double rt60Seconds, double wet, double dampHz)
{
    // Mutually prime-ish delay times; the right side is a little longer for width.
    const double combMs[4] = {25.3, 28.9, 31.7, 34.1};
    const double allPassMs[2] = {5.1, 1.7};
    std::vector<Comb> combsL, combsR;
    std::vector<AllPass> allL, allR;
    for (double ms : combMs) {
        for (int side = 0; side < 2; ++side) {
            const double sec = (ms + 0.53 * side) / 1000.0;
            const double fb = std::pow(10.0, -3.0 * sec / rt60Seconds); // -60 dB after rt60
            (side == 0 ? combsL : combsR).emplace_back(std::int64_t(sec * sampleRate), fb, dampHz, sampleRate);
        }
    }
    for (double ms : allPassMs) {
        allL.emplace_back(std::int64_t(ms / 1000.0 * sampleRate), 0.5);
        allR.emplace_back(std::int64_t((ms + 0.31) / 1000.0 * sampleRate), 0.5);
    }
    processCircular(buffer, passesFor(buffer, sampleRate, rt60Seconds), [&](double& l, double& r) {
        const double in = 0.5 * (l + r) * 0.25;
        double wl = 0.0, wr = 0.0;
        for (auto& c : combsL) wl += c.process(in);
        for (auto& c : combsR) wr += c.process(in);
        for (auto& a : allL) wl = a.process(wl);
        for (auto& a : allR) wr = a.process(wr);
        l += wet * wl;
        r += wet * wr;
    });
}

void pingPongEcho(LoopBuffer& buffer, double sampleRate, std::int64_t delaySamples, double feedback, double wet)
{
    DelayLine left(delaySamples), right(delaySamples);
    OnePole tone;
    tone.set(3500.0, sampleRate);
    const double repeatsToSilence = std::log(0.001) / std::log(std::max(1e-6, feedback));
    const double tailSeconds = repeatsToSilence * double(delaySamples) / sampleRate;
    processCircular(buffer, passesFor(buffer, sampleRate, tailSeconds), [&](double& l, double& r) {
        const double dl = left.read(), dr = right.read();
        left.write(0.5 * (l + r) + feedback * tone.process(dr));
        right.write(feedback * dl);
        l += wet * dl;
        r += wet * dr;
    });
}

void darken(LoopBuffer& buffer, double sampleRate, double cutoffHz)
{
    OnePole left, right;
    left.set(cutoffHz, sampleRate);
    right.set(cutoffHz, sampleRate);
    processCircular(buffer, 2, [&](double& l, double& r) {
        l = left.process(l);
        r = right.process(r);
    });
}

void saturateBus(LoopBuffer& buffer, double drive)
{
    const double p = peak(buffer);
    if (p <= 0.0) return;
    for (int c = 0; c < buffer.channels(); ++c)
        for (double& s : buffer.channel(c)) s = std::tanh(drive * s / p);
}

void removeDc(LoopBuffer& buffer)
{
    for (int c = 0; c < buffer.channels(); ++c) {
        auto& ch = buffer.channel(c);
        double sum = 0.0;
        for (double s : ch) sum += s;
        const double mean = sum / double(ch.size());
        for (double& s : ch) s -= mean;
    }
}

double peak(const LoopBuffer& buffer)
{
    double p = 0.0;
    for (int c = 0; c < buffer.channels(); ++c)
        for (double s : buffer.channel(c)) p = std::max(p, std::abs(s));
    return p;
}

void normalizePeak(LoopBuffer& buffer, double peakDb)
{
    const double p = peak(buffer);
    if (p <= 0.0) return;
    const double gain = std::pow(10.0, peakDb / 20.0) / p;
    for (int c = 0; c < buffer.channels(); ++c)
        for (double& s : buffer.channel(c)) s *= gain;
}

} // namespace loopmind::demogen

#pragma once
// How a meter reads a peak: in dB, fast attack and ~20 dB/s release at the 30 Hz meter timer (readable, not
// jumpy), as a bar over a -60 dB floor, coloured by how close it is to clipping. The master meter and the mixer's
// strip meters read peaks the same way.
#include "UI/Theme.h"
#include <algorithm>
#include <cmath>

namespace loopmind {

struct PeakBallistics {
    static constexpr float floorDb = -60.0f;
    float db = -100.0f;

    static float decibels(float linear) { return linear > 0.0f ? 20.0f * std::log10(linear) : -100.0f; }
    static float proportionOf(float dB) { return juce::jlimit(0.0f, 1.0f, (dB - floorDb) / -floorDb); }

    /** Takes the peak since the last timer tick (linear) and returns that tick's own level in dB. */
    float update(float linearPeak)
    {
        const float now = decibels(linearPeak);
        db = std::max(now, db - 0.7f);
        return now;
    }
    float proportion() const { return proportionOf(db); }
    juce::Colour colour() const { return db > -0.1f ? theme::error : (db > -6.0f ? theme::warning : theme::meterGood); }
};

} // namespace loopmind

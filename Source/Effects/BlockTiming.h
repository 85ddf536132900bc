#pragma once
// Tempo and musical position at the start of a block: from the AudioPlayHead when the host has one, otherwise
// from the effect's own tempo and a position counted from the last reset. Tempo-synced times come from here.
namespace loopmind::effects {

struct BlockTiming {
    static constexpr double minBpm = 20, maxBpm = 999;

    double bpm = 120;
    double ppq = 0;           // quarter notes since the transport's zero, at the block's first sample
    double sampleRate = 48000;

    double samplesPerQuarter() const { return sampleRate * 60.0 / bpm; }
    double quartersPerSample() const { return bpm / (60.0 * sampleRate); }
};

} // namespace loopmind::effects

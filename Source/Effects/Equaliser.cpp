#include "Effects/Equaliser.h"
#include "Effects/ParameterRanges.h"

namespace loopmind::effects {

namespace {
constexpr int subBlock = 16; // coefficients are recomputed this often while a parameter ramps
const juce::StringArray slopes { "12 dB/oct", "24 dB/oct", "36 dB/oct", "48 dB/oct" };
} // namespace

Equaliser::Equaliser() : BuiltInEffect("eq", stereoBuses())
{
    auto& hp = passes_[0];
    hp.highPass = true;
    hp.enabled = &addBool("hp_on", "High-pass on", false);
    hp.frequency = &addFloat("hp_freq", "High-pass frequency", frequencyRange(20, 2000), 80, "Hz");
    hp.slope = &addChoice("hp_slope", "High-pass slope", slopes, 1);

    const auto addBand = [this](Band& band, Shape shape, const juce::String& id, const juce::String& name,
                                float low, float high, float frequency) {
        band.shape = shape;
        band.frequency = &addFloat(id + "_freq", name + " frequency", frequencyRange(low, high), frequency, "Hz");
        band.gain = &addFloat(id + "_gain", name + " gain", linearRange(-18, 18), 0, "dB");
        band.q = shape == Shape::peak ? &addFloat(id + "_q", name + " Q", skewedRange(0.1f, 10, 1), 1, "") : nullptr;
    };
    addBand(bands_[0], Shape::lowShelf, "low", "Low shelf", 20, 1000, 100);
    addBand(bands_[1], Shape::peak, "mid1", "Mid 1", 40, 16000, 500);
    addBand(bands_[2], Shape::peak, "mid2", "Mid 2", 200, 20000, 2500);
    addBand(bands_[3], Shape::highShelf, "high", "High shelf", 1000, 20000, 8000);

    auto& lp = passes_[1];
    lp.highPass = false;
    lp.enabled = &addBool("lp_on", "Low-pass on", false);
    lp.frequency = &addFloat("lp_freq", "Low-pass frequency", frequencyRange(200, 20000), 16000, "Hz");
    lp.slope = &addChoice("lp_slope", "Low-pass slope", slopes, 1);
}

void Equaliser::prepare(double, int) {}

void Equaliser::clearState()
{
    snapRamps();
    for (auto& band : bands_)
        for (auto& s : band.state)
            s.clear();
    for (auto& stage : passes_)
        for (auto& channel : stage.state)
            for (auto& s : channel)
                s.clear();
}

void Equaliser::snapRamps()
{
    for (auto& band : bands_) {
        snap(band.frequencyRamp, band.frequency->get());
        snap(band.gainRamp, band.gain->get());
        snap(band.qRamp, band.q != nullptr ? band.q->get() : 1.0f);
        design(band);
    }
    for (auto& stage : passes_) {
        snap(stage.frequencyRamp, stage.frequency->get());
        stage.activeSections = stage.slope->getIndex() + 1;
        snap(stage.wet, stage.enabled->get() ? 1.0f : 0.0f);
        design(stage);
    }
}

void Equaliser::design(Band& band) const
{
    const double f = band.frequencyRamp.getCurrentValue(), g = band.gainRamp.getCurrentValue();
    switch (band.shape) {
    case Shape::lowShelf: band.coefficients = BiquadCoefficients::lowShelf(sampleRate(), f, g); break;
    case Shape::peak: band.coefficients = BiquadCoefficients::peak(sampleRate(), f, band.qRamp.getCurrentValue(), g); break;
    case Shape::highShelf: band.coefficients = BiquadCoefficients::highShelf(sampleRate(), f, g); break;
    }
}

void Equaliser::design(PassStage& stage) const
{
    const int order = 2 * stage.activeSections;
    const double f = stage.frequencyRamp.getCurrentValue();
    for (int k = 0; k < stage.activeSections; ++k) {
        const double q = BiquadCoefficients::butterworthQ(order, k);
        stage.coefficients[size_t(k)] = stage.highPass ? BiquadCoefficients::highPass(sampleRate(), f, q)
                                                       : BiquadCoefficients::lowPass(sampleRate(), f, q);
    }
}

void Equaliser::advancePassStage(PassStage& stage)
{
    // A new slope waits until the stage has faded out, so the filter never changes order while audible.
    // A bypassed stage starts again from silence, not from what it held long ago.
    const int wanted = stage.slope->getIndex() + 1;
    if (stage.wet.getCurrentValue() == 0.0f && !stage.wet.isSmoothing()) {
        stage.activeSections = wanted;
        for (auto& channel : stage.state)
            for (auto& s : channel)
                s.clear();
    }
    stage.wet.setTargetValue(stage.enabled->get() && wanted == stage.activeSections ? 1.0f : 0.0f);
}

void Equaliser::updateTargets()
{
    for (auto& band : bands_) {
        band.frequencyRamp.setTargetValue(band.frequency->get());
        band.gainRamp.setTargetValue(band.gain->get());
        if (band.q != nullptr)
            band.qRamp.setTargetValue(band.q->get());
    }
    for (auto& stage : passes_)
        stage.frequencyRamp.setTargetValue(stage.frequency->get());
}

void Equaliser::advanceRamps(int samples, bool force)
{
    for (auto& band : bands_) {
        const bool moving = band.frequencyRamp.isSmoothing() || band.gainRamp.isSmoothing() || band.qRamp.isSmoothing();
        band.frequencyRamp.skip(samples);
        band.gainRamp.skip(samples);
        band.qRamp.skip(samples);
        if (moving || force)
            design(band);
    }
    for (auto& stage : passes_) {
        const int sectionsBefore = stage.activeSections;
        advancePassStage(stage);
        const bool moving = stage.frequencyRamp.isSmoothing();
        stage.frequencyRamp.skip(samples);
        if (moving || force || sectionsBefore != stage.activeSections)
            design(stage);
    }
}

void Equaliser::process(juce::AudioBuffer<float>& buffer, const BlockTiming&)
{
    updateTargets();
    float* channels[2] = { buffer.getWritePointer(0), buffer.getWritePointer(1) };
    const int n = buffer.getNumSamples();
    for (int start = 0; start < n; start += subBlock) {
        const int end = std::min(n, start + subBlock);
        advanceRamps(end - start, false);
        for (int i = start; i < end; ++i) {
            float wet[2];
            for (size_t p = 0; p < 2; ++p)
                wet[p] = passes_[p].wet.getNextValue();
            for (size_t c = 0; c < 2; ++c) {
                double x = channels[c][i];
                const auto runPass = [&](PassStage& stage, float w) {
                    if (w == 0.0f)
                        return;
                    double y = x;
                    for (int k = 0; k < stage.activeSections; ++k)
                        y = stage.state[c][size_t(k)].process(stage.coefficients[size_t(k)], y);
                    x = w == 1.0f ? y : x + double(w) * (y - x);
                };
                runPass(passes_[0], wet[0]);
                for (auto& band : bands_)
                    x = band.state[c].process(band.coefficients, x);
                runPass(passes_[1], wet[1]);
                channels[c][i] = float(x);
            }
        }
    }
}

} // namespace loopmind::effects

#include "App/Audition.h"
#include "Library/AudioConforming.h"
#include "Library/DecodedAudio.h"
#include "Library/LoopStretch.h"
#include "UI/AsyncCallback.h"
#include <cmath>

namespace loopmind {

namespace {
using SharedAudio = std::shared_ptr<const juce::AudioBuffer<float>>;
constexpr double maxAuditionSeconds = 120.0; // a long file is previewed from its start, not held whole
} // namespace

Result<SharedAudio> prepareAuditionAudio(const LoopInfo& loop, double sampleRate, std::optional<ProjectTempo> tempo)
{
    DecodeLimits limits;
    auto decoded = decodeAudioFile(loop.path, limits);
    if (!decoded)
        return Result<SharedAudio>::failure(decoded.error());
    auto& source = decoded.value().audio;
    if (source.getNumSamples() > int(maxAuditionSeconds * decoded.value().sampleRate))
        source.setSize(source.getNumChannels(), int(maxAuditionSeconds * decoded.value().sampleRate), true);
    auto conformed = conformedStereo(loop.path, source, decoded.value().sampleRate, sampleRate, true);
    if (!conformed)
        return conformed;
    auto audio = std::move(conformed.value());
    // On the project's tempo: the loop's beats last as long as the song's.
    if (tempo && tempo->bpm > 0 && loop.beats > 0 && loop.bpm)
        return fitLoopToLength(std::move(audio), sampleRate, int(std::llround(double(loop.beats) * 60.0 / tempo->bpm * sampleRate)), loop.path,
                               stretchCharacterFor(loop.role.value_or("")));
    return Result<SharedAudio>::success(std::move(audio));
}

void Audition::toggle(const LoopInfo& loop, std::optional<ProjectTempo> tempo)
{
    if (!loop.ok || loop.path == current_.path) {
        stop();
        return;
    }
    current_ = loop;
    prepare(tempo);
}

void Audition::refresh(std::optional<ProjectTempo> tempo)
{
    if (isActive())
        prepare(tempo);
}

void Audition::stop()
{
    latest_->store(++requested_); // a preparation still running is dropped when it ends
    const bool was = isActive();
    current_ = {};
    sounding_ = false;
    audio_ = nullptr;
    engine_.stopAudition();
    if (was && onChanged)
        onChanged({});
}

void Audition::resyncToTransport()
{
    if (sounding_ && audio_ != nullptr)
        engine_.startAudition(audio_, barSamples_, true); // silent until the audio thread sees Play, then on the bar
}

void Audition::prepare(std::optional<ProjectTempo> tempo)
{
    const int generation = ++requested_;
    latest_->store(generation);
    const double rate = engine_.sampleRate();
    const double barSamples = tempo ? tempo->beatsPerBar * 60.0 / tempo->bpm * rate : 0.0;
    if (onChanged)
        onChanged({});
    runner_.submit([this, loop = current_, rate, tempo, barSamples, generation, latest = latest_] {
        if (latest->load() != generation)
            return;
        auto audio = prepareAuditionAudio(loop, rate, tempo);
        callAsyncIfAlive(owner_, [this, audio = std::move(audio), barSamples, generation, latest]() mutable {
            if (latest->load() != generation)
                return; // stopped or another loop asked for meanwhile
            if (!audio) {
                current_ = {};
                sounding_ = false;
                audio_ = nullptr;
                engine_.stopAudition();
                if (onChanged)
                    onChanged(audio.error());
                return;
            }
            audio_ = std::move(audio.value());
            barSamples_ = barSamples;
            engine_.startAudition(audio_, barSamples_);
            sounding_ = true;
            if (onChanged)
                onChanged({});
        });
    });
}

} // namespace loopmind

#include "Engine/AudioEngine.h"
#include "Core/RealtimeThread.h"
#include <algorithm>
#include <sched.h>

namespace loopmind {

namespace {
constexpr int declickSamples = 64; // ~1.5 ms: a loop jump fades out and back in instead of clicking
}

AudioEngine::AudioEngine(int workers) : runner_(workers)
{
    masterMeter_.prepare(sampleRate_);
}

AudioEngine::~AudioEngine()
{
    closeDevice();
    delete current_; // pending and retired sessions go with sessions_
}

std::string AudioEngine::openDevice(const juce::String& typeName, const juce::XmlElement* savedState, double rate, int blockSize)
{
    closeDevice();
    deviceManager_.getAvailableDeviceTypes(); // JUCE fills its type list lazily: needed before choosing "JACK"
    juce::String error;
    if (typeName.isNotEmpty() && savedState == nullptr) {
        error = deviceManager_.initialise(0, 2, nullptr, false);
        deviceManager_.setCurrentAudioDeviceType(typeName, true);
    } else {
        error = deviceManager_.initialise(0, 2, savedState, true);
    }
    if (deviceManager_.getCurrentAudioDevice() != nullptr && (rate > 0 || blockSize > 0)) {
        auto setup = deviceManager_.getAudioDeviceSetup();
        if (rate > 0) setup.sampleRate = rate;
        if (blockSize > 0) setup.bufferSize = blockSize;
        error = deviceManager_.setAudioDeviceSetup(setup, true);
    }
    if (deviceManager_.getCurrentAudioDevice() == nullptr)
        return "no audio device could be opened" + (error.isEmpty() ? std::string() : " (" + error.toStdString() + ")")
               + "; playback is off, everything else works";
    deviceManager_.addAudioCallback(this);
    return {};
}

void AudioEngine::closeDevice()
{
    deviceManager_.removeAudioCallback(this);
    deviceManager_.closeAudioDevice();
}

bool AudioEngine::hasDevice() const { return deviceManager_.getCurrentAudioDevice() != nullptr && deviceRunning_.load(); }

std::string AudioEngine::deviceDescription() const
{
    auto* d = deviceManager_.getCurrentAudioDevice();
    if (d == nullptr)
        return "no audio device";
    return (d->getTypeName() + ": " + d->getName() + ", " + juce::String(int(d->getCurrentSampleRate())) + " Hz, "
            + juce::String(d->getCurrentBufferSizeSamples()) + " samples").toStdString();
}

void AudioEngine::audioDeviceAboutToStart(juce::AudioIODevice* device)
{
    prepare(device->getCurrentSampleRate(), device->getCurrentBufferSizeSamples());
    deviceRunning_.store(true);
    deviceChanges_.fetch_add(1);
}

void AudioEngine::audioDeviceStopped()
{
    deviceRunning_.store(false);
    deviceChanges_.fetch_add(1);
}

void AudioEngine::audioDeviceError(const juce::String&)
{
    // May come from the device's own thread: only atomics here. The GUI notices through deviceChangeCount().
    deviceRunning_.store(false);
    deviceChanges_.fetch_add(1);
}

void AudioEngine::prepare(double rate, int maxBlockSize)
{
    if (rate > 0 && sampleRate_ > 0 && rate != sampleRate_) {
        // Positions are in samples: rescale them so the playhead and loop stay at the same time in the song.
        const double ratio = rate / sampleRate_;
        for (auto* v : { &position_, &loopStart_, &loopEnd_ })
            v->store(std::llround(double(v->load()) * ratio));
    }
    sampleRate_ = rate;
    maxBlockSize_ = std::max(16, maxBlockSize);
    masterMeter_.prepare(rate);
    priorityKnown_.store(false);
    rebuildSession();
}

Status AudioEngine::load(std::vector<PlaybackTrack> tracks, std::int64_t lengthInSamples, double tracksSampleRate, MixerLayout layout)
{
    tracks_ = std::move(tracks);
    length_ = lengthInSamples;
    tracksRate_ = tracksSampleRate > 0 ? tracksSampleRate : sampleRate_;
    layout_ = std::move(layout);
    return rebuildSession();
}

Status AudioEngine::rebuildSession()
{
    releaseRetiredSessions();
    // Tracks prepared at another rate would play at the wrong pitch: until the owner prepares them again, the
    // session keeps the song's length (in the new rate's samples) and plays silence.
    const bool rateMatches = tracksRate_ == sampleRate_;
    static const std::vector<PlaybackTrack> none;
    const auto length = rateMatches ? length_ : std::int64_t(std::llround(double(length_) * sampleRate_ / tracksRate_));
    auto built = EngineSession::build(rateMatches ? tracks_ : none, layout_, length, sampleRate_, maxBlockSize_);
    if (!built)
        return Status::failure(built.error());
    mixerProblems_ = built.value()->nodes.problems;
    published_ = built.value().get();
    sessions_.publish(std::move(built.value()));
    seekRequested_.store(true);
    return Status::success();
}

void AudioEngine::releaseRetiredSessions()
{
    sessions_.releaseRetired();
    preview_.releaseRetired();
}

ChannelStrip* AudioEngine::mutableStrip(StripRef ref) { return findStrip(tracks_, layout_.mixer, ref); }

const ChannelStrip* AudioEngine::strip(StripRef ref) const { return const_cast<AudioEngine*>(this)->mutableStrip(ref); }

Status AudioEngine::setStrip(StripRef ref, const ChannelStrip& settings)
{
    auto* current = mutableStrip(ref);
    if (current == nullptr)
        return Status::failure("no such strip");
    const bool sameGraph = sameMixerTopology(*current, settings);
    *current = settings;
    if (!sameGraph || published_ == nullptr || published_->nodes.tracks.size() != tracks_.size())
        return rebuildSession();
    // Same graph: the live processors take the new values (atomics; each effect and strip ramps to them).
    auto& nodes = published_->nodes;
    const StripNodes* live = liveStrip(ref);
    for (size_t i = 0; i < live->inserts.size() && i < settings.inserts.size(); ++i)
        if (auto* effect = live->inserts[i])
            for (const auto& [id, value] : settings.inserts[i].parameters)
                effect->setParameter(id, float(value));
    applyMixer(nodes, tracks_, layout_.mixer);
    return Status::success();
}

const StripNodes* AudioEngine::liveStrip(StripRef ref) const
{
    if (published_ == nullptr)
        return nullptr;
    const auto& nodes = published_->nodes;
    auto at = [&](const std::vector<StripNodes>& list) { return ref.index >= 0 && ref.index < int(list.size()) ? &list[size_t(ref.index)] : nullptr; };
    switch (ref.kind) {
    case StripRef::Kind::track: return at(nodes.tracks);
    case StripRef::Kind::returnBus: return at(nodes.returns);
    case StripRef::Kind::group: return at(nodes.groups);
    case StripRef::Kind::master: return &nodes.masterStrip;
    }
    return nullptr;
}

plugins::HostedPluginProcessor* AudioEngine::hostedPlugin(StripRef ref, int slot) const
{
    const auto* live = liveStrip(ref);
    return live != nullptr && slot >= 0 && slot < int(live->plugins.size()) ? live->plugins[size_t(slot)] : nullptr;
}

void AudioEngine::notePluginState(StripRef ref, int slot, const std::string& state, const std::map<std::string, double>& parameters)
{
    auto* s = mutableStrip(ref);
    if (s != nullptr && slot >= 0 && slot < int(s->inserts.size()) && s->inserts[size_t(slot)].plugin) {
        s->inserts[size_t(slot)].plugin->state = state; // what the live instance already has: no rebuild
        s->inserts[size_t(slot)].parameters = parameters;
    }
}

Status AudioEngine::swapInFrozenTrack(int track, std::shared_ptr<const juce::AudioBuffer<float>> audio)
{
    if (track < 0 || track >= int(tracks_.size()) || audio == nullptr)
        return Status::failure("no such track");
    if (tracksRate_ != sampleRate_ || audio->getNumSamples() < length_)
        return Status::failure("the frozen audio does not fit the song at this rate");
    auto& frozen = tracks_[size_t(track)];
    frozen.frozen = true;
    frozen.audio = audio;
    frozen.segments.clear();
    if (published_ == nullptr || published_->nodes.tracks.size() != tracks_.size())
        return rebuildSession();
    auto& session = *published_;
    auto& plan = *session.plan;
    const auto& strip = session.nodes.tracks[size_t(track)];
    const int stripStep = plan.stepIndexOf(strip.output);
    session.frozenSources.push_back(std::make_unique<FrozenSource>(FrozenSource { std::move(audio), session.nodes.playHead.get(), plan.latencyOf(stripStep) }));
    strip.strip->setFrozenInput(session.frozenSources.back().get());
    // After the strip hears the frozen audio (the plan runs these steps before it in every block): stop them.
    plan.setSkipped(plan.stepIndexOf(session.nodes.trackPlayers[size_t(track)]), true);
    for (const auto id : strip.insertNodes)
        if (id != juce::AudioProcessorGraph::NodeID {} && id != strip.output)
            plan.setSkipped(plan.stepIndexOf(id), true);
    return Status::success();
}

void AudioEngine::setTrackSwitch(int t, bool ChannelStrip::*which, bool on)
{
    const StripRef ref { StripRef::Kind::track, t };
    if (auto* s = mutableStrip(ref)) {
        auto changed = *s;
        changed.*which = on;
        setStrip(ref, changed);
    }
}

float AudioEngine::takeTrackPeak(int t)
{
    return published_ != nullptr && t >= 0 && t < int(published_->trackSteps.size()) ? published_->trackMeters[size_t(t)].takePeak() : 0.0f;
}

float AudioEngine::takeBusPeak(StripRef bus)
{
    if (published_ == nullptr || (bus.kind != StripRef::Kind::returnBus && bus.kind != StripRef::Kind::group))
        return 0.0f;
    const int returns = int(published_->nodes.returns.size());
    const int index = bus.kind == StripRef::Kind::returnBus ? bus.index : returns + bus.index;
    const bool exists = bus.index >= 0 && bus.index < (bus.kind == StripRef::Kind::returnBus ? returns : int(published_->nodes.groups.size()));
    return exists ? published_->busMeters[size_t(index)].takePeak() : 0.0f;
}

void AudioEngine::setPosition(std::int64_t sample)
{
    position_.store(std::max<std::int64_t>(0, sample));
    seekRequested_.store(true);
}

void AudioEngine::setLoop(std::int64_t start, std::int64_t end, bool enabled)
{
    loopStart_.store(std::max<std::int64_t>(0, start));
    loopEnd_.store(std::max(start + 1, end));
    looping_.store(enabled && end > start);
}

void AudioEngine::audioDeviceIOCallbackWithContext(const float* const*, int, float* const* outputs, int numOutputs, int numSamples,
                                                   const juce::AudioIODeviceCallbackContext&)
{
    const auto start = timing_.begin();
    processBlock(outputs, numOutputs, numSamples);
    timing_.end(start, numSamples, sampleRate_);
}

void AudioEngine::adoptPendingSession()
{
    auto* next = sessions_.take(); // none while the message thread is behind on freeing: keep the current one
    if (next == nullptr)
        return;
    sessions_.retire(current_); // take() made room
    current_ = next;
    seekRequested_.store(true); // the new players start where the transport is
}

void AudioEngine::processBlock(float* const* outputs, int numOutputs, int numSamples)
{
    RealtimeScope realtime;
    callbacks_.fetch_add(1, std::memory_order_relaxed);
    if (!priorityKnown_.exchange(true, std::memory_order_relaxed)) {
        // Once per device start: the workers follow this thread's real-time priority (two system calls).
        sched_param param {};
        const int policy = sched_getscheduler(0);
        sched_getparam(0, &param);
        const int priority = policy == SCHED_FIFO || policy == SCHED_RR ? param.sched_priority : 0;
        audioPriority_.store(priority, std::memory_order_relaxed);
        runner_.requestWorkerPriority(priority);
    }
    adoptPendingSession();
    for (int c = 0; c < numOutputs; ++c)
        if (outputs[c] != nullptr)
            std::fill(outputs[c], outputs[c] + numSamples, 0.0f);
    const bool playing = current_ != nullptr && playing_.load(std::memory_order_acquire);
    const std::int64_t blockStart = position_.load(std::memory_order_acquire);
    if (playing)
        renderSong(*current_, outputs, numOutputs, numSamples);
    // The audition sits on top of the song; while the song plays it keeps to the song's bar grid.
    if (numOutputs > 0 && outputs[0] != nullptr)
        preview_.render(outputs[0], numOutputs > 1 ? outputs[1] : nullptr, numSamples,
                        playing ? std::optional<std::int64_t>(blockStart) : std::nullopt);
    masterMeter_.process(outputs[0], outputs[numOutputs > 1 ? 1 : 0], numSamples);
}

void AudioEngine::renderSong(EngineSession& s, float* const* outputs, int numOutputs, int numSamples)
{
    for (int done = 0; done < numSamples;) {
        const std::int64_t position = position_.load(std::memory_order_acquire);
        int chunk = std::min(numSamples - done, s.plan->maxBlockSize());
        const bool looping = looping_.load(std::memory_order_acquire);
        const std::int64_t loopEnd = loopEnd_.load(std::memory_order_acquire);
        bool wraps = false;
        if (looping && position < loopEnd && position + chunk >= loopEnd) {
            chunk = int(loopEnd - position); // the block is split in time, in order, on this thread: never concurrently
            wraps = true;
        }
        if (seekRequested_.exchange(false, std::memory_order_acq_rel))
            for (auto* p : s.nodes.players)
                p->seek(position);
        s.nodes.playHead->setPosition(position); // tempo-synced effects follow the song, seeks and loops included
        if (chunk > 0)
            renderChunk(s, outputs, numOutputs, done, chunk);
        if (wraps) {
            for (int c = 0; c < std::min(numOutputs, 2); ++c) // fade out into the jump ...
                for (int i = std::max(0, chunk - declickSamples); i < chunk; ++i)
                    outputs[c][done + i] *= float(chunk - i) / float(declickSamples);
            position_.store(loopStart_.load(), std::memory_order_release);
            seekRequested_.store(true, std::memory_order_release);
            declickIn_ = declickSamples; // ... and back in after it
        } else {
            position_.store(position + chunk, std::memory_order_release);
            if (!looping && position + chunk >= s.lengthInSamples) {
                playing_.store(false);
                break;
            }
        }
        done += std::max(chunk, 0);
        if (chunk <= 0)
            break;
    }
}

void AudioEngine::renderChunk(EngineSession& s, float* const* outputs, int numOutputs, int offset, int numSamples)
{
    runner_.process(*s.plan, numSamples);
    const auto& master = s.plan->outputOf(s.masterStep);
    for (int c = 0; c < numOutputs; ++c) {
        if (outputs[c] == nullptr)
            continue;
        const float* src = master.getReadPointer(numOutputs == 1 ? 0 : std::min(c, 1));
        if (c >= 2)
            continue; // stereo engine: further device channels stay silent
        std::copy(src, src + numSamples, outputs[c] + offset);
        if (numOutputs == 1) // a mono device gets the sum of both sides at half level each
            for (int i = 0; i < numSamples; ++i)
                outputs[0][offset + i] = 0.5f * (master.getSample(0, i) + master.getSample(1, i));
    }
    for (int i = 0; i < declickIn_ && i < numSamples; ++i)
        for (int c = 0; c < std::min(numOutputs, 2); ++c)
            outputs[c][offset + i] *= float(declickSamples - declickIn_ + i) / float(declickSamples);
    declickIn_ = std::max(0, declickIn_ - numSamples);
    auto meter = [&](const std::vector<int>& steps, LoudnessMeter* meters) {
        for (size_t i = 0; i < steps.size(); ++i) {
            const auto& out = s.plan->outputOf(steps[i]);
            meters[i].process(out.getReadPointer(0), out.getReadPointer(1), numSamples);
        }
    };
    meter(s.trackSteps, s.trackMeters.get());
    meter(s.busSteps, s.busMeters.get());
}

} // namespace loopmind

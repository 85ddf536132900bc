#include "UI/MixerView.h"
#include "UI/Theme.h"

namespace loopmind {

namespace {
constexpr int stripWidth = 112;
}

MixerView::MixerView()
{
    viewport_.setViewedComponent(&content_, false);
    viewport_.setScrollBarsShown(false, true);
    addAndMakeVisible(viewport_);
    empty_.setText("Generate a song to see its mixer.", juce::dontSendNotification);
    empty_.setJustificationType(juce::Justification::centred);
    empty_.setColour(juce::Label::textColourId, theme::textDim);
    addChildComponent(empty_);
}

void MixerView::show(const Arrangement* song, const std::vector<LaneSwitches>& lanes)
{
    std::vector<StripRef> refs;
    std::vector<std::pair<ChannelStrip, MixerStripComponent::Labels>> shown;
    if (song != nullptr) {
        std::vector<juce::String> returnNames;
        for (const auto& r : song->mixer.returns)
            returnNames.push_back(juce::String(r.name));
        for (int t = 0; t < int(song->tracks.size()); ++t) {
            const auto& track = song->tracks[size_t(t)];
            refs.push_back({ StripRef::Kind::track, t });
            shown.push_back({ track.strip, { juce::String(track.name), theme::roleColour(track.role), returnNames, true, true } });
        }
        auto addBuses = [&](const std::vector<MixerBus>& buses, StripRef::Kind kind, const char* prefix) {
            for (int i = 0; i < int(buses.size()); ++i) {
                refs.push_back({ kind, i });
                shown.push_back({ buses[size_t(i)].strip, { juce::String(prefix) + buses[size_t(i)].name, theme::outline, returnNames, false, false } });
            }
        };
        addBuses(song->mixer.returns, StripRef::Kind::returnBus, "return: ");
        addBuses(song->mixer.groups, StripRef::Kind::group, "group: ");
        refs.push_back({ StripRef::Kind::master, 0 });
        shown.push_back({ song->mixer.master, { "master", theme::accent, {}, false, false } });
    }
    if (refs != refs_) {
        strips_.clear();
        for (size_t i = 0; i < refs.size(); ++i) {
            auto strip = std::make_unique<MixerStripComponent>();
            const auto ref = refs[i];
            strip->onEdit = [this, ref](const ChannelStrip& next, const juce::String& what, bool continuing) {
                if (onStripEdited)
                    onStripEdited(ref, next, what, continuing);
            };
            strip->onMute = [this, ref](bool on) { if (onMute) onMute(ref.index, on); };
            strip->onSolo = [this, ref](bool on) { if (onSolo) onSolo(ref.index, on); };
            strip->onInsertClicked = [this, ref](int slot, juce::Component& button) {
                if (onInsertClicked)
                    onInsertClicked(ref, slot, button);
            };
            strip->onSendClicked = [this, ref](int send, juce::Component& button) {
                if (onSendClicked)
                    onSendClicked(ref, send, button);
            };
            content_.addAndMakeVisible(*strip);
            strips_.push_back(std::move(strip));
        }
        refs_ = refs;
        layoutStrips();
    }
    for (size_t i = 0; i < refs.size(); ++i) {
        const bool isTrack = refs[i].kind == StripRef::Kind::track;
        const auto lane = isTrack && size_t(refs[i].index) < lanes.size() ? lanes[size_t(refs[i].index)] : LaneSwitches {};
        strips_[i]->show(shown[i].first, shown[i].second, lane.mute, lane.solo);
    }
    empty_.setVisible(strips_.empty());
}

void MixerView::setPeaks(const std::function<float(StripRef)>& peakOf, float masterPeak)
{
    for (size_t i = 0; i < strips_.size(); ++i)
        strips_[i]->setPeak(refs_[i].kind == StripRef::Kind::master ? masterPeak : peakOf(refs_[i]));
}

void MixerView::layoutStrips()
{
    const int height = std::max(viewport_.getMaximumVisibleHeight(), 200);
    content_.setSize(std::max(int(strips_.size()) * stripWidth, 1), height);
    for (size_t i = 0; i < strips_.size(); ++i)
        strips_[i]->setBounds(int(i) * stripWidth, 0, stripWidth, height);
}

void MixerView::resized()
{
    viewport_.setBounds(getLocalBounds());
    empty_.setBounds(getLocalBounds());
    layoutStrips();
}

void MixerView::paint(juce::Graphics& g) { g.fillAll(theme::window); }

} // namespace loopmind

// Energy realised as gain: every section carries a gain and its reason, the loudest top-energy section none, and the
// renderer plays the gains while engine track i stays arrangement track i (the app's lanes index them).
#include "Arrangement/ArrangementFile.h"
#include "Arrangement/SectionGain.h"
#include "ArrangementTestPack.h"
#include "Render/RenderJobBuilder.h"
#include <nlohmann/json.hpp>
#include <catch2/catch.hpp>

using namespace loopmind;
using namespace loopmind::test;

TEST_CASE("section gains: recorded with the reason, lower energy never aims louder", "[arrangement][gain]")
{
    ArrangementRequest request;
    request.style = loadStyle("hip-hop").value();
    const auto a = AIArrangementEngine().arrange(richPack(92), request);
    bool unity = false;
    for (const auto& s : a.sections) {
        INFO(s.name << ": " << s.gainReason);
        CHECK(s.gainReason.find("aims") != std::string::npos);
        CHECK(s.gainDb >= maxSectionCutDb);
        CHECK(s.gainDb <= maxSectionBoostDb);
        unity = unity || (s.energy >= 0.95 && s.gainDb == 0);
    }
    CHECK(unity);
    auto back = arrangementFromJson(arrangementToJson(a), "/");
    REQUIRE(back.ok());
    CHECK(arrangementToText(back.value()) == arrangementToText(a));
}

TEST_CASE("section gains reach the renderer; engine track i is arrangement track i", "[arrangement][gain][demo]")
{
    ArrangementRequest request;
    request.sampleRate = 22050;
    const auto a = AIArrangementEngine().arrange(analysedDemoPack("House 124 A minor"), request);
    const auto prepared = prepareArrangementJob(a, OutputSettings {});
    REQUIRE(prepared.problems.empty());
    const auto& tracks = prepared.job.tracks;
    REQUIRE(tracks.size() > a.tracks.size()); // some track plays in sections of different gains
    for (size_t i = 0; i < a.tracks.size(); ++i)
        CHECK(tracks[i].name == a.tracks[i].name);
    for (size_t i = a.tracks.size(); i < tracks.size(); ++i) {
        INFO(tracks[i].name);
        CHECK(tracks[i].name.find("(section gain ") != std::string::npos);
        const auto& owner = *std::find_if(a.tracks.begin(), a.tracks.end(), [&](const auto& t) { return tracks[i].name.rfind(t.name + " (", 0) == 0; });
        const double sectionGain = sectionGainAt(a, int(tracks[i].segments.front().start / std::llround(a.samplesPerBeat() * a.beatsPerBar)));
        CHECK(tracks[i].gainDb == Approx(owner.gainDb + sectionGain));
    }
}

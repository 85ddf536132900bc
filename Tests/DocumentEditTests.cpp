// Editing like a DAW, as the document's pure functions: clips move (by bars, to lanes of the same role), resize by
// passes, split, duplicate, copy/paste and delete; sections move, duplicate, delete and rename with their bars.
// Every edit keeps each lane sorted, without overlaps, inside the song, or changes nothing.
#include "Document/ClipEdits.h"
#include "Document/SectionEdits.h"
#include <catch2/catch.hpp>

using namespace loopmind;

namespace {
/** intro 4 bars, main 8, outro 4; drums 1 (a 1-bar loop) everywhere, drums 2 in main, bass 1 (2-bar loop) in main. */
Arrangement song()
{
    Arrangement a;
    a.sections = { { "intro", 0, 4, 0.3, -3.0, {} }, { "main", 4, 8, 1.0, 0.0, {} }, { "outro", 12, 4, 0.4, -2.0, {} } };
    auto track = [](const char* name, const char* role, int beats, std::vector<ArrangementClip> clips) {
        ArrangementTrack t;
        t.name = name;
        t.role = role;
        t.loopBeats = beats;
        t.clips = std::move(clips);
        return t;
    };
    a.tracks = { track("drums 1", "drums", 4, { { 0, 16, {} } }), track("drums 2", "drums", 4, { { 4, 8, {} } }),
                 track("bass 1", "bass", 8, { { 4, 8, {} } }) };
    return a;
}

std::vector<std::pair<int, int>> clipsOf(const Arrangement& a, int lane)
{
    std::vector<std::pair<int, int>> out;
    for (const auto& c : a.tracks[size_t(lane)].clips)
        out.emplace_back(c.startBar, c.bars);
    return out;
}
using Clips = std::vector<std::pair<int, int>>;
} // namespace

TEST_CASE("clips move by bars and to lanes of their role, and never onto another clip", "[document][edit]")
{
    auto a = song();
    ClipSelection moved;
    REQUIRE(moveClips(a, { { 1, 0 } }, 4, 0, &moved)); // drums 2: bars 8-16
    CHECK(clipsOf(a, 1) == Clips { { 8, 8 } });
    CHECK(moved == ClipSelection { { 1, 0 } });
    CHECK_FALSE(moveClips(a, { { 1, 0 } }, 1, 0));    // past the song's end
    CHECK_FALSE(moveClips(a, { { 1, 0 } }, 0, 1));    // onto bass: another role
    CHECK_FALSE(moveClips(a, { { 1, 0 } }, 0, -1));   // onto drums 1's clip
    CHECK(clipsOf(a, 1) == Clips { { 8, 8 } });       // refused edits change nothing
    REQUIRE(deleteClips(a, { { 0, 0 } }));
    REQUIRE(moveClips(a, { { 1, 0 } }, -8, -1, &moved)); // to drums 1, bar 0
    CHECK(clipsOf(a, 0) == Clips { { 0, 8 } });
    CHECK(clipsOf(a, 1).empty());
    CHECK(moved == ClipSelection { { 0, 0 } });
}

TEST_CASE("a clip's right edge resizes it by passes of its loop, or by bars", "[document][edit]")
{
    auto a = song();
    REQUIRE(resizeClip(a, { 2, 0 }, 5, true)); // bass: a 2-bar loop, 5 bars -> 6 (three passes)
    CHECK(clipsOf(a, 2) == Clips { { 4, 6 } });
    REQUIRE(resizeClip(a, { 2, 0 }, 3, false));
    CHECK(clipsOf(a, 2) == Clips { { 4, 3 } });
    CHECK_FALSE(resizeClip(a, { 2, 0 }, 20, false)); // past the end
    CHECK_FALSE(resizeClip(a, { 2, 0 }, 0, false));
}

TEST_CASE("split, duplicate, copy, paste and delete keep lanes sorted and apart", "[document][edit]")
{
    auto a = song();
    REQUIRE(splitClips(a, {}, 8)); // nothing selected: every clip under bar 8
    CHECK(clipsOf(a, 0) == Clips { { 0, 8 }, { 8, 8 } });
    CHECK(clipsOf(a, 1) == Clips { { 4, 4 }, { 8, 4 } });
    CHECK_FALSE(splitClips(a, { { 1, 0 } }, 4)); // on a clip's edge: nothing to split

    REQUIRE(deleteClips(a, { { 1, 1 } }));
    ClipSelection copies;
    REQUIRE(duplicateClips(a, { { 1, 0 } }, &copies)); // bars 4-8 again at 8-12
    CHECK(clipsOf(a, 1) == Clips { { 4, 4 }, { 8, 4 } });
    CHECK(copies == ClipSelection { { 1, 1 } });
    CHECK_FALSE(duplicateClips(a, { { 0, 1 } })); // no room after the song's end

    const auto board = copyClips(a, { { 1, 0 }, { 2, 0 } });
    REQUIRE(deleteClips(a, { { 2, 0 } }));
    CHECK_FALSE(pasteClips(a, board, 10, -1)); // onto drums 2's clip at 8-12
    ClipSelection pasted;
    REQUIRE(pasteClips(a, board, 12, -1, &pasted));
    CHECK(clipsOf(a, 1) == Clips { { 4, 4 }, { 8, 4 }, { 12, 4 } });
    CHECK(clipsOf(a, 2) == Clips { { 8, 4 }, { 12, 4 } }); // the bass was split at 8 too
    CHECK(pasted.size() == 2);
    CHECK_FALSE(pasteClips(a, board, 0, 2)); // drums onto the bass lane
    CHECK(clipsInArea(a, 1, 2, 11.5, 13).size() == 4);
    CHECK(clipsInArea(a, 1, 1, 13, 13.5).size() == 1);
    CHECK(a.tracks[1].clips[2].reason.rule.empty()); // the producer's clip now
}

TEST_CASE("sections move, duplicate, delete and rename with their bars, and the song's length follows", "[document][edit]")
{
    auto a = song();
    a.tracks[0].clips[0].reason.rule = "layer-budget";
    REQUIRE(moveSection(a, 2, 0)); // outro first
    CHECK(a.sections[0].name == "outro");
    CHECK(a.sections[0].startBar == 0);
    CHECK(a.sections[0].gainDb == -2.0); // its gain goes with it
    CHECK(a.sections[1].startBar == 4);
    CHECK(a.sections[2].startBar == 8);
    CHECK(a.totalBars() == 16);
    CHECK(clipsOf(a, 1) == Clips { { 8, 8 } });                // main's clips moved with main
    CHECK(clipsOf(a, 0) == Clips { { 0, 4 }, { 4, 12 } }); // cut where the order changed, joined where not
    CHECK(a.tracks[0].clips[0].reason.rule.empty());        // a piece is the producer's now

    REQUIRE(duplicateSection(a, 2)); // main twice
    CHECK(a.totalBars() == 24);
    CHECK(a.sections.size() == 4);
    CHECK(a.sections[3].startBar == 16);
    CHECK(clipsOf(a, 2) == Clips { { 8, 8 }, { 16, 8 } }); // the bass loop starts again with the copy

    REQUIRE(deleteSection(a, 0));
    CHECK(a.totalBars() == 20);
    CHECK(a.sections[0].name == "intro");
    CHECK(clipsOf(a, 2) == Clips { { 4, 8 }, { 12, 8 } });
    REQUIRE(renameSection(a, 0, "cold open"));
    CHECK(a.sections[0].name == "cold open");
    CHECK_FALSE(renameSection(a, 0, ""));

    auto one = song();
    REQUIRE(deleteSection(one, 0));
    REQUIRE(deleteSection(one, 0));
    CHECK_FALSE(deleteSection(one, 0)); // a song keeps one section
}

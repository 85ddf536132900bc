#pragma once
// Audio that a render reads block by block instead of holding it all: a stem streamed from its file. The
// render thread asks for each block before the plan runs, so the graph node that plays it only copies memory
// (the workers never touch files). Not for the audio thread: reading may block on the disk.
#include <juce_audio_basics/juce_audio_basics.h>
#include <cstdint>
#include <string>

namespace loopmind {

class BlockStream {
public:
    virtual ~BlockStream() = default;
    /** Frames in the stream. */
    virtual std::int64_t length() const = 0;
    /** Fills out's 2 channels [0, numSamples) with frames [position, position + numSamples), silence past the end.
        Returns false on a read error (the block is then silent where it failed; problem() says what). */
    virtual bool read(std::int64_t position, juce::AudioBuffer<float>& out, int numSamples) = 0;
    virtual std::string problem() const = 0;
};

} // namespace loopmind

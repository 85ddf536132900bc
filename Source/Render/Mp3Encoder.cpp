#include "Render/Mp3Encoder.h"
#include "Core/WriteFailure.h"
#include "Core/PathText.h"
#include <lame/lame.h>

namespace loopmind {

Result<std::unique_ptr<Mp3Encoder>> Mp3Encoder::create(const std::filesystem::path& file, double sampleRate, int channels,
                                                       int bitrateKbps)
{
    using R = Result<std::unique_ptr<Mp3Encoder>>;
    const int rate = int(sampleRate + 0.5);
    if (channels < 1 || channels > 2)
        return R::failure("cannot write " + pathText(file) + ": MP3 holds mono or stereo, not " + std::to_string(channels) + " channels");
    static const int rates[] = { 8000, 11025, 12000, 16000, 22050, 24000, 32000, 44100, 48000 };
    if (std::find(std::begin(rates), std::end(rates), rate) == std::end(rates))
        return R::failure("cannot write " + pathText(file) + ": MP3 has no " + std::to_string(rate) + " Hz (8 to 48 kHz; render at 48000 or less)");
    std::unique_ptr<Mp3Encoder> e(new Mp3Encoder());
    e->path_ = file;
    e->channels_ = channels;
    e->lame_ = lame_init();
    if (e->lame_ == nullptr)
        return R::failure("cannot write " + pathText(file) + ": the MP3 encoder did not start");
    lame_set_in_samplerate(e->lame_, rate);
    lame_set_out_samplerate(e->lame_, rate);
    lame_set_num_channels(e->lame_, channels);
    lame_set_mode(e->lame_, channels == 1 ? MONO : JOINT_STEREO);
    lame_set_brate(e->lame_, bitrateKbps);
    lame_set_quality(e->lame_, 2); // near-best psychoacoustics; the speed is still many times real time
    lame_set_bWriteVbrTag(e->lame_, 1); // the Info/LAME tag: delay and padding for gapless playback
    if (lame_init_params(e->lame_) < 0)
        return R::failure("cannot write " + pathText(file) + ": LAME refused " + std::to_string(bitrateKbps) + " kbit/s at "
                          + std::to_string(rate) + " Hz");
    e->file_ = std::fopen(file.c_str(), "wb");
    if (e->file_ == nullptr)
        return R::failure("cannot create " + pathText(file));
    return R::success(std::move(e));
}

Mp3Encoder::~Mp3Encoder()
{
    if (file_ != nullptr)
        std::fclose(file_);
    if (lame_ != nullptr)
        lame_close(lame_);
}

bool Mp3Encoder::put(int bytes)
{
    return bytes >= 0 && (bytes == 0 || std::fwrite(out_.data(), 1, size_t(bytes), file_) == size_t(bytes));
}

bool Mp3Encoder::write(const juce::AudioBuffer<float>& block, int numSamples)
{
    out_.resize(size_t(numSamples) * 5 / 4 + 7200); // LAME's worst case for this many samples
    const float* left = block.getReadPointer(0);
    const float* right = block.getReadPointer(std::min(1, block.getNumChannels() - 1));
    return put(lame_encode_buffer_ieee_float(lame_, left, channels_ == 2 ? right : left, numSamples, out_.data(), int(out_.size())));
}

Status Mp3Encoder::finish()
{
    out_.resize(7200);
    if (!put(lame_encode_flush(lame_, out_.data(), int(out_.size()))))
        return Status::failure(writeFailure(path_));
    // The tag frame goes where LAME left room for it: the first frame of the stream.
    out_.resize(4096);
    const size_t tag = lame_get_lametag_frame(lame_, out_.data(), out_.size());
    if (tag > 0 && (std::fseek(file_, 0, SEEK_SET) != 0 || std::fwrite(out_.data(), 1, tag, file_) != tag))
        return Status::failure("writing " + pathText(path_) + " failed (its MP3 tag)");
    const bool closed = std::fflush(file_) == 0 && std::fclose(file_) == 0;
    file_ = nullptr;
    return closed ? Status::success() : Status::failure(writeFailure(path_));
}

} // namespace loopmind

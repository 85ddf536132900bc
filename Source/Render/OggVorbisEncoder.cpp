#include "Render/OggVorbisEncoder.h"
#include "Core/WriteFailure.h"
#include "Core/PathText.h"
#include <vorbis/vorbisenc.h>

namespace loopmind {

struct OggVorbisEncoder::Codec {
    vorbis_info info {};
    vorbis_comment comment {};
    vorbis_dsp_state dsp {};
    vorbis_block block {};
    ogg_stream_state stream {};
    bool started = false;
};

OggVorbisEncoder::OggVorbisEncoder() : codec_(std::make_unique<Codec>()) {}

Result<std::unique_ptr<OggVorbisEncoder>> OggVorbisEncoder::create(const std::filesystem::path& file, double sampleRate, int channels,
                                                                   int bitrateKbps)
{
    using R = Result<std::unique_ptr<OggVorbisEncoder>>;
    if (channels < 1 || channels > 2)
        return R::failure("cannot write " + pathText(file) + ": LoopMind writes mono or stereo Ogg Vorbis, not " + std::to_string(channels)
                          + " channels");
    std::unique_ptr<OggVorbisEncoder> e(new OggVorbisEncoder());
    e->path_ = file;
    e->channels_ = channels;
    auto& c = *e->codec_;
    vorbis_info_init(&c.info);
    if (vorbis_encode_init(&c.info, channels, long(sampleRate + 0.5), -1, long(bitrateKbps) * 1000, -1) != 0) {
        vorbis_info_clear(&c.info);
        return R::failure("cannot write " + pathText(file) + ": Vorbis has no " + std::to_string(bitrateKbps) + " kbit/s mode at "
                          + std::to_string(int(sampleRate + 0.5)) + " Hz");
    }
    vorbis_comment_init(&c.comment);
    vorbis_analysis_init(&c.dsp, &c.info);
    vorbis_block_init(&c.dsp, &c.block);
    ogg_stream_init(&c.stream, 0x4C4D0001); // fixed: the same song, the same bytes
    c.started = true;
    e->file_ = std::fopen(file.c_str(), "wb");
    if (e->file_ == nullptr)
        return R::failure("cannot create " + pathText(file));
    ogg_packet header, comments, codebooks;
    vorbis_analysis_headerout(&c.dsp, &c.comment, &header, &comments, &codebooks);
    ogg_stream_packetin(&c.stream, &header);
    ogg_stream_packetin(&c.stream, &comments);
    ogg_stream_packetin(&c.stream, &codebooks);
    if (!e->drain(true))
        return R::failure(writeFailure(file));
    return R::success(std::move(e));
}

OggVorbisEncoder::~OggVorbisEncoder()
{
    if (file_ != nullptr)
        std::fclose(file_);
    if (codec_->started) {
        ogg_stream_clear(&codec_->stream);
        vorbis_block_clear(&codec_->block);
        vorbis_dsp_clear(&codec_->dsp);
        vorbis_comment_clear(&codec_->comment);
    }
    vorbis_info_clear(&codec_->info);
}

bool OggVorbisEncoder::drain(bool flushAll)
{
    auto& c = *codec_;
    ogg_packet packet;
    while (vorbis_analysis_blockout(&c.dsp, &c.block) == 1) {
        vorbis_analysis(&c.block, nullptr);
        vorbis_bitrate_addblock(&c.block);
        while (vorbis_bitrate_flushpacket(&c.dsp, &packet) == 1)
            ogg_stream_packetin(&c.stream, &packet);
    }
    ogg_page page;
    while (flushAll ? ogg_stream_flush(&c.stream, &page) != 0 : ogg_stream_pageout(&c.stream, &page) != 0)
        ok_ = ok_ && std::fwrite(page.header, 1, size_t(page.header_len), file_) == size_t(page.header_len)
              && std::fwrite(page.body, 1, size_t(page.body_len), file_) == size_t(page.body_len);
    return ok_;
}

bool OggVorbisEncoder::write(const juce::AudioBuffer<float>& block, int numSamples)
{
    float** in = vorbis_analysis_buffer(&codec_->dsp, numSamples);
    for (int ch = 0; ch < channels_; ++ch)
        std::copy_n(block.getReadPointer(std::min(ch, block.getNumChannels() - 1)), numSamples, in[ch]);
    vorbis_analysis_wrote(&codec_->dsp, numSamples);
    return drain(false);
}

Status OggVorbisEncoder::finish()
{
    vorbis_analysis_wrote(&codec_->dsp, 0); // end of stream: the last packet carries the exact length
    const bool drained = drain(true);
    const bool closed = std::fflush(file_) == 0 && std::fclose(file_) == 0;
    file_ = nullptr;
    return drained && closed ? Status::success() : Status::failure(writeFailure(path_));
}

} // namespace loopmind

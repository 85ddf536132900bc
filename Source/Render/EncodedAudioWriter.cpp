#include "Render/EncodedAudioWriter.h"
#include "Render/Mp3Encoder.h"
#include "Render/OggVorbisEncoder.h"

namespace loopmind {

Result<std::unique_ptr<EncodedAudioWriter>> createEncodedWriter(AudioFileFormat format, const std::filesystem::path& file,
                                                                double sampleRate, int channels, int bitrateKbps)
{
    using R = Result<std::unique_ptr<EncodedAudioWriter>>;
    auto made = [](auto created) {
        return created ? R::success(std::move(created.value())) : R::failure(created.error());
    };
    if (format == AudioFileFormat::mp3)
        return made(Mp3Encoder::create(file, sampleRate, channels, bitrateKbps));
    if (format == AudioFileFormat::ogg)
        return made(OggVorbisEncoder::create(file, sampleRate, channels, bitrateKbps));
    return R::success(nullptr);
}

} // namespace loopmind

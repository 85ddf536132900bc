#include "Render/AudioFileOutput.h"
#include "Core/PathText.h"
#include "Core/WriteFailure.h"

namespace loopmind {

Result<std::unique_ptr<AudioFileOutput>> AudioFileOutput::create(const std::filesystem::path& destination, const OutputSettings& settings,
                                                                 double sampleRate, int channels, int maxBlockSize)
{
    using R = Result<std::unique_ptr<AudioFileOutput>>;
    std::unique_ptr<AudioFileOutput> out(new AudioFileOutput(destination, settings.bitDepth));
    auto encoded = createEncodedWriter(settings.format, out->file_.tempPath(), sampleRate, channels, settings.bitrateKbps);
    if (!encoded)
        return R::failure(encoded.error());
    if ((out->encoded_ = std::move(encoded.value())) != nullptr)
        return R::success(std::move(out));
    std::unique_ptr<juce::AudioFormat> format;
    switch (settings.format) {
    case AudioFileFormat::flac: format = std::make_unique<juce::FlacAudioFormat>(); break;
    case AudioFileFormat::aiff: format = std::make_unique<juce::AiffAudioFormat>(); break;
    default: format = std::make_unique<juce::WavAudioFormat>(); break;
    }
    auto stream = std::make_unique<juce::FileOutputStream>(toJuceFile(out->file_.tempPath()));
    if (stream->failedToOpen())
        return R::failure("cannot create " + pathText(destination) + ": " + stream->getStatus().getErrorMessage().toStdString());
    // Highest FLAC compression: smaller files, same samples. No metadata: identical inputs give identical bytes.
    const int quality = settings.format == AudioFileFormat::flac ? 8 : 0;
    out->writer_.reset(format->createWriterFor(stream.get(), sampleRate, unsigned(channels), settings.bitDepth, {}, quality));
    if (out->writer_ == nullptr)
        return R::failure("cannot write " + pathText(destination) + ": " + format->getFormatName().toStdString() + " does not support "
                          + std::to_string(settings.bitDepth) + "-bit, " + std::to_string(channels) + " channels at "
                          + std::to_string(int(sampleRate)) + " Hz");
    out->stream_ = stream.release(); // the writer owns it now
    out->channels_ = channels;
    out->pcmFile_ = settings.format == AudioFileFormat::wav || settings.format == AudioFileFormat::aiff;
    out->scratch_.setSize(channels, maxBlockSize);
    return R::success(std::move(out));
}

bool AudioFileOutput::write(const juce::AudioBuffer<float>& block, int numSamples)
{
    if (encoded_ != nullptr)
        return encoded_->write(block, numSamples);
    framesWritten_ += numSamples;
    if (bitDepth_ != 16)
        return writer_->writeFromAudioSampleBuffer(block, 0, numSamples);
    // TPDF dither of +-1 LSB: the sum of two uniform values decorrelates the rounding error from the music.
    constexpr double lsb = 1.0 / 32768.0;
    for (int c = 0; c < scratch_.getNumChannels(); ++c) {
        const float* src = block.getReadPointer(c);
        float* dst = scratch_.getWritePointer(c);
        for (int i = 0; i < numSamples; ++i)
            dst[i] = float(double(src[i]) + (dither_.nextUnit() - dither_.nextUnit()) * lsb);
    }
    return writer_->writeFromAudioSampleBuffer(scratch_, 0, numSamples);
}

Status AudioFileOutput::finish()
{
    if (encoded_ != nullptr) {
        auto ended = encoded_->finish();
        encoded_.reset();
        return ended ? file_.commit() : ended;
    }
    if (writer_ == nullptr)
        return Status::failure("internal error: " + pathText(file_.destination()) + " finished twice");
    // The last buffered bytes go out here: a full disk now must not rename a short file over a good one.
    writer_->flush();
    const bool flushed = !stream_->getStatus().failed();
    writer_.reset(); // closes the stream and completes the header
    std::error_code ec;
    const auto size = std::filesystem::file_size(file_.tempPath(), ec);
    const auto audioBytes = std::uintmax_t(framesWritten_) * std::uintmax_t(channels_) * std::uintmax_t(bitDepth_ / 8);
    if (!flushed || ec || (pcmFile_ && size < audioBytes)) {
        file_.abandon();
        return Status::failure(writeFailure(file_.destination(), audioBytes));
    }
    return file_.commit();
}

} // namespace loopmind

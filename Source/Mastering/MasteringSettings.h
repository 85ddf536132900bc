#pragma once
// What a master is aimed at: one or more delivery targets (integrated loudness + true-peak ceiling)
// and how much the chain may colour the sound.
#include <optional>
#include <string>
#include <vector>

namespace loopmind {

struct DeliveryTarget {
    std::string name = "streaming";
    double lufs = -14.0;       // integrated loudness, EBU R128 / ITU-R BS.1770
    double truePeakDb = -1.0;  // ceiling in dBTP, measured at 4x oversampling
};

/** streaming (-14/-1), broadcast (EBU R128: -23/-1), apple (-16/-1), club (-9/-0.3); nullopt if unknown. */
std::optional<DeliveryTarget> deliveryPreset(const std::string& name);
/** "streaming, broadcast, apple, club": for usage and error messages. */
std::string deliveryPresetNames();

struct MasteringSettings {
    bool enabled = true; // every render is mastered unless asked not to (--no-master)
    std::vector<DeliveryTarget> targets { DeliveryTarget {} };
    double intensity = 0.5; // 0..1: scales the corrective EQ and the glue compression
};

} // namespace loopmind

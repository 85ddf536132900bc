#include "Mastering/MasteringSettings.h"

namespace loopmind {

std::optional<DeliveryTarget> deliveryPreset(const std::string& name)
{
    if (name == "streaming") return DeliveryTarget { name, -14.0, -1.0 };
    if (name == "broadcast") return DeliveryTarget { name, -23.0, -1.0 };
    if (name == "apple") return DeliveryTarget { name, -16.0, -1.0 };
    if (name == "club") return DeliveryTarget { name, -9.0, -0.3 };
    return std::nullopt;
}

std::string deliveryPresetNames() { return "streaming, broadcast, apple, club"; }

} // namespace loopmind

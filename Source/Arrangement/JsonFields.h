#pragma once
// Reads the fields of one JSON object for the Arrangement room's files (arrangement.json, style templates);
// any problem throws a FieldError whose sentence names the field by its full path.
#include <cmath>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <string>

namespace loopmind {

struct FieldError { std::string message; };

class JsonFields {
public:
    JsonFields(const nlohmann::json& object, std::string where) : j_(object), where_(std::move(where))
    {
        if (!j_.is_object())
            throw FieldError { where_ + ": expected an object" };
    }
    bool has(const char* name) const { return j_.contains(name) && !j_.at(name).is_null(); }
    const nlohmann::json& get(const char* name) const
    {
        if (!j_.contains(name))
            throw FieldError { path(name) + ": missing" };
        return j_.at(name);
    }
    double number(const char* name, double min, double max) const
    {
        const auto& v = get(name);
        if (!v.is_number() || !std::isfinite(v.get<double>()) || v.get<double>() < min || v.get<double>() > max)
            throw FieldError { path(name) + ": expected a number from " + num(min) + " to " + num(max) };
        return v.get<double>();
    }
    int integer(const char* name, int min, int max) const
    {
        const auto& v = get(name);
        if (!v.is_number_integer() || v.get<std::int64_t>() < min || v.get<std::int64_t>() > max)
            throw FieldError { path(name) + ": expected a whole number from " + std::to_string(min) + " to " + std::to_string(max) };
        return int(v.get<std::int64_t>());
    }
    std::string text(const char* name) const
    {
        const auto& v = get(name);
        if (!v.is_string() || v.get<std::string>().empty())
            throw FieldError { path(name) + ": expected a non-empty string" };
        return v.get<std::string>();
    }
    /** A true/false field; absent (or null): the fallback. */
    bool flag(const char* name, bool fallback) const
    {
        if (!has(name))
            return fallback;
        if (!get(name).is_boolean())
            throw FieldError { path(name) + ": expected true or false" };
        return get(name).get<bool>();
    }
    std::optional<std::string> optionalText(const char* name) const
    {
        if (!has(name))
            return std::nullopt;
        return text(name);
    }
    const nlohmann::json& array(const char* name) const
    {
        const auto& v = get(name);
        if (!v.is_array())
            throw FieldError { path(name) + ": expected an array" };
        return v;
    }
    std::string path(const std::string& name) const { return where_ + "." + name; }
    const std::string& where() const { return where_; }

    static std::string num(double v) { std::ostringstream s; s << v; return s.str(); }

private:
    const nlohmann::json& j_;
    std::string where_;
};

inline const char* const knownRoles[] = { "drums", "bass", "chords", "melody", "fx", "vocal" };

} // namespace loopmind

#pragma once
// Numbers in the arranger's sentences (reasons, checker findings): fixed decimals, the same on every machine.
#include <sstream>
#include <string>

namespace loopmind {

inline std::string fixedText(double v, int decimals)
{
    std::ostringstream s;
    s.setf(std::ios::fixed);
    s.precision(decimals);
    s << v;
    return s.str();
}

} // namespace loopmind

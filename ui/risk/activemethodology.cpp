#include "risk/activemethodology.h"

#include "risk/methodologystore.h"

namespace vigil::ui {

Result<std::optional<Methodology>> storedActiveMethodology(Database& db, const Methodology& loaded)
{
    auto active = MethodologyStore(db).active();
    if (!active)
        return active.error();
    if (active->id == loaded.id && active->version == loaded.version)
        return std::optional<Methodology>();
    return std::optional<Methodology>(std::move(active).value());
}

} // namespace vigil::ui

#include "dialogs/optionalspinbox.h"

namespace vigil::ui {

OptionalSpinBox::OptionalSpinBox(int max, QWidget* parent)
    : QSpinBox(parent)
{
    setRange(-1, max);
    setSpecialValueText(tr("Unknown"));
    setGroupSeparatorShown(true);
    setValue(-1);
}

std::optional<int> OptionalSpinBox::optionalValue() const
{
    return value() < 0 ? std::nullopt : std::optional<int>(value());
}

void OptionalSpinBox::setOptionalValue(const std::optional<int>& v)
{
    setValue(v ? *v : -1);
}

OptionalPercentBox::OptionalPercentBox(QWidget* parent)
    : QDoubleSpinBox(parent)
{
    setRange(-0.1, 100.0);
    setDecimals(1);
    setSingleStep(1.0);
    setSuffix(QStringLiteral(" %"));
    setSpecialValueText(tr("Unknown"));
    setValue(-0.1);
}

std::optional<double> OptionalPercentBox::share() const
{
    return value() < 0 ? std::nullopt : std::optional<double>(value() / 100.0);
}

void OptionalPercentBox::setShare(const std::optional<double>& share)
{
    setValue(share ? *share * 100.0 : -0.1);
}

} // namespace vigil::ui

#pragma once

#include <QDoubleSpinBox>
#include <QSpinBox>

#include <optional>

namespace vigil::ui {

// A spin box for a number that may be unknown: its lowest value shows as "Unknown".
class OptionalSpinBox : public QSpinBox
{
    Q_OBJECT
public:
    explicit OptionalSpinBox(int max, QWidget* parent = nullptr);
    std::optional<int> optionalValue() const;
    void setOptionalValue(const std::optional<int>& v);
};

// The same for a percentage stored as a share (0..1).
class OptionalPercentBox : public QDoubleSpinBox
{
    Q_OBJECT
public:
    explicit OptionalPercentBox(QWidget* parent = nullptr);
    std::optional<double> share() const;
    void setShare(const std::optional<double>& share);
};

} // namespace vigil::ui

namespace MLPipelines.Neural.Schedules;

internal static class ScheduleChecks
{
    public static void Positive(float value, string name)
    {
        if (!(value > 0f) || !float.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(name, value, "Must be finite and > 0.");
        }
    }

    public static void Fraction(double value, string name)
    {
        if (!(value >= 0 && value < 1))
        {
            throw new ArgumentOutOfRangeException(name, value, "Must be in [0, 1).");
        }
    }
}

using System.Reflection;
using Microsoft.ML;

namespace MLPipelines.Core.Runs;

/// <summary>
/// Stops a running ML.NET fit when a token is cancelled. MLContext's cancellation hook is not public in ML.NET 5,
/// so it is reached by reflection; if a later ML.NET removes it, cancellation falls back to between fits.
/// </summary>
internal static class MlContextCancellation
{
    private static readonly MethodInfo? CancelMethod =
        typeof(MLContext).GetMethod("CancelExecution", BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public);

    public static CancellationTokenRegistration Register(MLContext ml, CancellationToken token) =>
        token.Register(() =>
        {
            try
            {
                CancelMethod?.Invoke(ml, null);
            }
            catch (TargetInvocationException)
            {
                // Cancellation is best effort; the runner checks the token after the fit returns.
            }
        });
}

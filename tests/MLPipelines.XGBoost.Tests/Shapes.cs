using System.Reflection;
using Microsoft.ML;

namespace MLPipelines.XGBoost.Tests;

/// <summary>
/// <see cref="SchemaShape"/> of a data view's schema, as ML.NET's estimator chains build it (the factory is internal
/// to ML.NET, so tests reach it by reflection; the code under test never does).
/// </summary>
internal static class Shapes
{
    public static SchemaShape Of(DataViewSchema schema) =>
        (SchemaShape)typeof(SchemaShape).GetMethod("Create", BindingFlags.NonPublic | BindingFlags.Static, [typeof(DataViewSchema)])!
            .Invoke(null, [schema])!;
}

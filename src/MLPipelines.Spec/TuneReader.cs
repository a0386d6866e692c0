using MLPipelines.Spec.Declarations;
using YamlDotNet.RepresentationModel;

namespace MLPipelines.Spec;

/// <summary>
/// Reads a model's <c>tune:</c>: <c>false</c> (the default), <c>true</c> (the trainer's built-in space with the run's
/// <c>tuning:</c> settings), or a mapping whose <c>space</c> replaces the built-in space and whose other keys replace
/// the run's keys of the same name for this model.
/// </summary>
internal static class TuneReader
{
    public static TuneSpec? Read(YamlNode node, string path, ITrainerDeclaration plugin, TuningSpec tuning, SpecReadContext context)
    {
        TuneSpec? tune;
        if (node is YamlScalarNode scalar && ScalarValue.Classify(scalar) is { Type: ScalarType.Bool or ScalarType.Null } value)
        {
            tune = value.Value is true ? new TuneSpec(tuning, null) : null;
        }
        else if (node is YamlMappingNode)
        {
            var wording = new UnknownKeyWording("unknown key of tune", "expected one of");
            var values = MapReader.Read(node, path, context.At(node), TuningFormat.TuneKeys, wording, context);
            var space = values.Written.TryGetValue("space", out var spaceNode)
                ? SearchSpaceReader.Read(spaceNode, SpecReadContext.Child(path, "space"), plugin, context)
                : null;
            tune = new TuneSpec(TuningSectionReader.Apply(tuning, values, onlyWritten: true), space);
            if (values.IsWritten("space") && space is null)
            {
                return null;
            }
        }
        else
        {
            context.Error(node, path, $"expected {ValueReader.Expected(SpecFormat.ModelKeys.Single(k => k.Name == "tune"))}, got {ScalarValue.Describe(node)}");
            return null;
        }

        if (tune is null)
        {
            return null;
        }

        if (tune.Space is null && plugin.DefaultSearchSpace is null)
        {
            context.Error(node, path, $"trainer '{plugin.Name}' has no built-in search space; give tune: {{space: {{OPTION: {{log_uniform: [LOW, HIGH]}}}}}}");
        }

        if (tune.Settings.Strategy == "successive_halving" && plugin.ResourceOption is null)
        {
            context.Error(node, path, $"successive_halving scales boosting rounds or epochs, and trainer '{plugin.Name}' has neither; use strategy: random");
        }

        return tune;
    }
}

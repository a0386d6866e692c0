using MLPipelines.Results;
using MLPipelines.Spec.Declarations;
using YamlDotNet.RepresentationModel;

namespace MLPipelines.Spec;

/// <summary>
/// Reads <c>models:</c>. An entry is a mapping (<c>{name, trainer, preprocessing, options}</c>) or a bare trainer
/// name. Trainer names are checked against the registry and options against the trainer's descriptors.
/// </summary>
internal static class ModelsReader
{
    public static List<ModelSpec> Read(YamlNode node, string path, ITrainerCatalog registry, TaskKind? task, SpecReadContext context, TuningSpec? tuning = null)
    {
        tuning ??= new TuningSpec();
        var models = new List<ModelSpec>();
        if (node is not YamlSequenceNode sequence)
        {
            context.Error(node, path, $"expected a list of models, e.g. '- {{trainer: lightgbm}}', got {ScalarValue.Describe(node)}");
            return models;
        }

        if (sequence.Children.Count == 0)
        {
            context.Error(node, path, "at least one model is required");
        }

        var firstByName = new Dictionary<string, (int Index, YamlNode Node)>(StringComparer.Ordinal);
        for (var i = 0; i < sequence.Children.Count; i++)
        {
            var item = sequence.Children[i];
            var itemPath = SpecReadContext.Item(path, i);
            context.Remember(itemPath, item);
            if (ReadModel(item, itemPath, registry, task, tuning, context) is not { } read)
            {
                continue;
            }

            var (model, nameNode, nameWritten) = read;

            if (model.Name.Length > 0 && !firstByName.TryAdd(model.Name, (i, nameNode)))
            {
                var first = firstByName[model.Name];
                var message = nameWritten
                    ? $"duplicate model name '{model.Name}' (also at line {first.Node.Start.Line}); give each model a distinct name"
                    : $"duplicate model name '{model.Name}': entries without 'name' are named after their trainer, and {SpecReadContext.Item(path, first.Index)} already is; add a 'name'";
                context.Error(nameNode, SpecReadContext.Child(itemPath, "name"), message);
            }

            models.Add(model);
        }

        return models;
    }

    private static (ModelSpec Model, YamlNode NameNode, bool NameWritten)? ReadModel(
        YamlNode item, string itemPath, ITrainerCatalog registry, TaskKind? task, TuningSpec tuning, SpecReadContext context)
    {
        if (item is YamlScalarNode scalar && !MapReader.IsNull(scalar))
        {
            context.Remember(SpecReadContext.Child(itemPath, "trainer"), scalar);
            var trainer = scalar.Value ?? "";
            var plugin = FindTrainer(trainer, scalar, SpecReadContext.Child(itemPath, "trainer"), registry, context);
            var bare = new ModelSpec { Name = trainer, Trainer = trainer };
            if (plugin is not null)
            {
                ReadOptions(bare, plugin, null, itemPath, context.At(scalar), task, context);
            }

            return (bare, scalar, false);
        }

        if (item is not YamlMappingNode mapping)
        {
            context.Error(item, itemPath, $"expected a model, e.g. '- {{name: gbdt, trainer: lightgbm}}', got {ScalarValue.Describe(item)}");
            return null;
        }

        var writtenTrainer = registry.TryGetDeclaration(TrainerNameIn(mapping) ?? "", out var known) ? known : null;
        var wording = new UnknownKeyWording("unknown key", "expected one of",
            name => writtenTrainer?.Options.Any(o => o.Name == name) == true ? "options" : null);
        var values = MapReader.Read(mapping, itemPath, context.At(item), SpecFormat.ModelKeys, wording, context);
        var model = new ModelSpec { Trainer = values.GetOrNull<string>("trainer") ?? "" };
        var nameWritten = values.IsWritten("name");
        model.Name = nameWritten ? values.GetOrNull<string>("name") ?? "" : model.Trainer;
        var nameNode = nameWritten ? values.Written["name"] : item;
        if (values.Written.TryGetValue("preprocessing", out var stepsNode))
        {
            model.Preprocessing = StepsReader.Read(stepsNode, SpecReadContext.Child(itemPath, "preprocessing"), context);
        }

        var trainerPath = SpecReadContext.Child(itemPath, "trainer");
        var trainerPlugin = values.IsWritten("trainer") && values.IsValid("trainer")
            ? FindTrainer(model.Trainer, values.Written["trainer"], trainerPath, registry, context)
            : null;
        values.Written.TryGetValue("options", out var optionsNode);
        if (trainerPlugin is not null)
        {
            var optionsLocation = optionsNode is null ? context.At(item) : context.LocationOf(SpecReadContext.Child(itemPath, "options"));
            ReadOptions(model, trainerPlugin, optionsNode, itemPath, optionsLocation, task, context);
        }
        else if (optionsNode is not null && optionsNode is not YamlMappingNode && !MapReader.IsNull(optionsNode))
        {
            context.Error(optionsNode, SpecReadContext.Child(itemPath, "options"),
                $"expected a mapping of trainer options, got {ScalarValue.Describe(optionsNode)}");
        }

        if (values.Written.TryGetValue("tune", out var tuneNode) && trainerPlugin is not null)
        {
            model.Tune = TuneReader.Read(tuneNode, SpecReadContext.Child(itemPath, "tune"), trainerPlugin, tuning, context);
        }

        return (model, nameNode, nameWritten);
    }

    private static void ReadOptions(
        ModelSpec model, ITrainerDeclaration plugin, YamlNode? optionsNode, string itemPath, SourceLocation location, TaskKind? task, SpecReadContext context)
    {
        var keys = plugin.Options.Select(SpecKey.FromOption).ToList();
        var optionsPath = SpecReadContext.Child(itemPath, "options");
        var wording = new UnknownKeyWording($"unknown option of trainer '{plugin.Name}'", "its options are");
        var values = MapReader.Read(optionsNode, optionsPath, location, keys, wording, context);
        foreach (var key in keys)
        {
            model.Options[key.Name] = values.Values[key.Name];
        }

        // With a known task, TaskRules runs the plugin's own checks with it; without, they run here task-free.
        if (task is null && values.Invalid.Count == 0)
        {
            TaskRules.AddPluginErrors(plugin, model.Options, null, optionsPath, p => context.LocationOf(p), context.Errors);
        }
    }

    private static ITrainerDeclaration? FindTrainer(string name, YamlNode node, string path, ITrainerCatalog registry, SpecReadContext context)
    {
        if (registry.TryGetDeclaration(name, out var plugin))
        {
            if (plugin.Unavailable is { } problem)
            {
                context.Error(node, path, $"trainer '{name}' cannot run here: {problem}");
            }

            return plugin;
        }

        var names = registry.Names;
        var known = names.Count == 0 ? "no trainers are registered" : $"known trainers: {string.Join(", ", names)}";
        context.Error(node, path, $"unknown trainer '{name}'{NameSuggester.DidYouMean(name, names)} ({known})");
        return null;
    }

    private static string? TrainerNameIn(YamlMappingNode mapping) =>
        mapping.Children.FirstOrDefault(kv => kv.Key is YamlScalarNode { Value: "trainer" }).Value is YamlScalarNode value
            ? value.Value
            : null;
}

package dev.coldbrew.local.config;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * SnakeYAML's safe constructor plus CloudFormation's short-form intrinsic tags ({@code !Ref}, {@code !Sub},
 * {@code !GetAtt}, ...), which it keeps as {@link Intrinsic} values instead of failing on the unknown tag.
 */
final class CfnConstructor extends SafeConstructor {

    /** An intrinsic function such as {@code !Ref Name}: its tag and argument. */
    record Intrinsic(String tag, Object argument) {
        @Override
        public String toString() {
            return tag + " " + argument;
        }
    }

    CfnConstructor(LoaderOptions options) {
        super(options);
        yamlMultiConstructors.put("!", new ConstructIntrinsic());
    }

    private final class ConstructIntrinsic extends AbstractConstruct {
        @Override
        public Object construct(Node node) {
            Object argument = switch (node) {
                case ScalarNode scalar -> constructScalar(scalar);
                case SequenceNode sequence -> constructSequence(sequence);
                case MappingNode mapping -> constructMapping(mapping);
                default -> null;
            };
            return new Intrinsic(node.getTag().getValue(), argument);
        }
    }
}

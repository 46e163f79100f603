package org.carrierrules.internal.scenario;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

import org.carrierrules.internal.language.CodeCatalogue;
import org.carrierrules.internal.language.Stage;
import org.carrierrules.internal.tree.KeyPath;
import org.carrierrules.internal.tree.Shape;

/**
 * Every finding and ground code of the contract is about a field of its input's shape, so that a failure can name
 * the field of any of them; a code the contract does not fix is about none.
 */
class CodeFieldsTest {
    @Test
    void everyFindingAndGroundCodeOfTheContractIsAboutAFieldOfItsInput() {
        for (CodeCatalogue.Code code : CodeCatalogue.library().codes()) {
            Shape shape = code.stage() == Stage.ASSESSMENT ? InputShapes.APPLICATION
                    : code.stage() == Stage.SUPERVISION ? InputShapes.CARRIER : null;
            if (shape != null) {
                String field = CodeFields.field(code.code());
                assertNotNull(field, code.code());
                KeyPath.Parsed path = KeyPath.parse(field);
                assertNull(path.problem(), field);
                assertNull(Shape.resolve(shape, path.steps()).problem(), code.code() + " → " + field);
            }
        }
        assertNull(CodeFields.about("PAPER_COPY_WHERE"));
    }
}

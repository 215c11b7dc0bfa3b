-- Clinical content in more than one language (issue 21). English stays in exercise and protocol_phase (the source, and
-- the fallback); each other language is a row here per exercise revision (an exercise row is one revision, V12: a
-- program points at the revision it was prescribed, so its patient reads that revision's words) or per phase.
-- A revision without a row in the patient's language reads English, and the API says so ("language": "en").
CREATE TABLE exercise_translation (
    exercise_id     BIGINT       NOT NULL,
    language        CHAR(2)      NOT NULL,
    name            VARCHAR(120) NOT NULL,
    instructions    TEXT         NOT NULL,
    should_feel     TEXT,
    precautions     TEXT,
    common_mistakes TEXT,
    progression     TEXT,
    caution_reason  TEXT,
    updated_at      DATETIME(6)  NULL,
    updated_by      VARCHAR(100) NULL,
    PRIMARY KEY (exercise_id, language),
    CONSTRAINT fk_translation_exercise FOREIGN KEY (exercise_id) REFERENCES exercise (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE protocol_phase_translation (
    phase_id       BIGINT       NOT NULL,
    language       CHAR(2)      NOT NULL,
    name           VARCHAR(120) NOT NULL,
    goal           TEXT         NOT NULL,
    entry_criteria TEXT         NOT NULL,
    PRIMARY KEY (phase_id, language),
    CONSTRAINT fk_translation_phase FOREIGN KEY (phase_id) REFERENCES protocol_phase (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Spanish for every built-in exercise (V2, revision 1) and the sciatica protocol's phases, written for patients
-- ("usted"), with the clinical meaning of the English kept: same numbers, same cautions, same stop rules.
-- Joined by slug so the rows follow the built-in exercise whatever its id.
INSERT INTO exercise_translation (exercise_id, language, name, instructions, should_feel, precautions,
                                  common_mistakes, progression, caution_reason)
SELECT e.id, 'es', t.name, t.instructions, t.should_feel, t.precautions, t.common_mistakes, t.progression,
       t.caution_reason
FROM (
      SELECT 'short-frequent-walks' AS slug, 'Paseos cortos y frecuentes' AS name,
        'Camine de 5 a 10 minutos cada vez, una vez cada una o dos horas a lo largo del día, en lugar de dar un solo paseo largo. Al principio camine por terreno llano y procure dar pasos regulares y suaves.' AS instructions,
        'Sensación de soltura y un cansancio leve; el dolor de la pierna no debería ir en aumento mientras camina.' AS should_feel,
        'Evite las cuestas al principio. Si caminar a un ritmo moderado le sigue empeorando el dolor unas horas después, camine menos y dígaselo a su fisioterapeuta. Si caminar le duele mucho desde el primer paso, pruebe a caminar en la piscina.' AS precautions,
        'Dar un solo paseo largo que acaba en dolor; forzar el ritmo; caminar encorvado.' AS common_mistakes,
        'Alargue cada paseo hasta unos 10 minutos y, cuando el dolor se calme, añada pendientes suaves.' AS progression,
        NULL AS caution_reason
      UNION ALL SELECT 'standing-weight-shift', 'Cambios de peso de pie',
        'De pie, con los pies separados a la anchura de las caderas y apoyándose en una encimera si quiere, pase lentamente el peso de un pie al otro y vuelva.',
        'Movimiento suave en las caderas y la zona lumbar, sin dolor punzante que baje por la pierna.',
        'Úselo cuando caminar le duela demasiado. Haga el movimiento pequeño y lento.',
        'Balancear la parte de arriba del cuerpo en lugar de llevar el peso desde las caderas; bloquear las rodillas.',
        'Pase a los paseos cortos en cuanto los tolere.',
        NULL
      UNION ALL SELECT 'single-knee-to-chest', 'Una rodilla al pecho',
        'Tumbado boca arriba, acerque con suavidad una rodilla al pecho y mantenga de 20 a 30 segundos; después bájela despacio y cambie de pierna.',
        'Un balanceo suave de la pelvis y un estiramiento leve en la parte baja de la espalda o en el glúteo.',
        'Se busca un balanceo suave de la pelvis, no un estiramiento profundo. Pare si nota un dolor que baja por la pierna.',
        'Tirar bruscamente de la rodilla; levantar la cabeza y el cuello; aguantar la respiración.',
        'Cuando le resulte fácil con las dos piernas, las dos rodillas al pecho de la fase 3.',
        NULL
      UNION ALL SELECT 'pelvic-tilt', 'Basculaciones pélvicas',
        'Túmbese boca arriba con las rodillas dobladas y los pies apoyados en el suelo. Contraiga la parte baja del abdomen para apretar la zona lumbar contra el suelo y después relájese dejando un pequeño arco. Alterne despacio entre las dos posiciones.',
        'Movimiento cómodo en la zona lumbar y un trabajo ligero de los abdominales bajos.',
        'Haga el movimiento pequeño: es una movilización suave, no un arco grande.',
        'Empujar con las piernas o levantar los glúteos; hacer un arco demasiado grande.',
        'Mantenga la espalda plana contra el suelo unos segundos más cada vez.',
        NULL
      UNION ALL SELECT 'seated-ankle-pump', 'Bombeo de tobillo sentado',
        'Siéntese erguido en una silla firme con una pierna un poco adelantada y el talón en el suelo. Lleve despacio la punta del pie hacia delante y después tire de ella hacia la espinilla. Haga de 10 a 15 bombeos lentos y controlados.',
        'Como mucho, un hormigueo o un estiramiento muy leve en la pantorrilla o detrás de la rodilla. No debe doler.',
        'Pare si nota un dolor que baja por la pierna. Mueva solo el tobillo.',
        'Moverse deprisa; doblar la rodilla o la cadera a la vez que el tobillo.',
        'Cuando después se encuentre bien, el deslizamiento neural sentado con la espalda redondeada.',
        NULL
      UNION ALL SELECT 'modified-slump-glide', 'Deslizamiento neural sentado con la espalda redondeada',
        'Siéntese en el borde de una silla, deje que los hombros se redondeen un poco y baje ligeramente la barbilla. Estire despacio una rodilla sin levantar el pie del suelo, mueva la punta del pie hacia abajo y hacia arriba, y vuelva. Hágalo de 5 a 8 veces con cada pierna.',
        'Quizá una tensión leve por la parte de atrás de la pierna, que se alivia al doblar la rodilla y relajar el pie.',
        'Solo cuando los ejercicios anteriores le resulten cómodos. No lo haga si le provoca un dolor ciático de verdad. No se encorve con fuerza.',
        'Encorvarse con fuerza; levantar el pie del suelo; hacer el movimiento con prisa.',
        'El deslizamiento neural de la fase 3.',
        NULL
      UNION ALL SELECT 'modified-dead-bug', 'Bicho muerto modificado',
        'Boca arriba, con las caderas y las rodillas dobladas a 90 grados y las espinillas paralelas al suelo, apoye suavemente la zona lumbar contra el suelo. Baje despacio un pie hasta que el talón toque el suelo, sin estirar la rodilla, vuelva a subirlo y cambie de lado.',
        'Un trabajo constante en la parte profunda del abdomen, con la zona lumbar pegada al suelo.',
        'Si la espalda se arquea, acorte el movimiento.',
        'Dejar que la zona lumbar se arquee; estirar la rodilla; moverse deprisa.',
        'Baje el pie más despacio, o lleve a la vez el brazo contrario por encima de la cabeza.',
        NULL
      UNION ALL SELECT 'bird-dog-from-knees', 'Perro de muestra a cuatro patas',
        'A cuatro patas, con las manos y las rodillas en el suelo, tense el tronco para que la columna quede neutra. Estire un brazo hacia delante y la pierna contraria hacia atrás, mantenga de 3 a 5 segundos, vuelva despacio y cambie de lado.',
        'Trabajo en el tronco y en el glúteo de la pierna que se mueve, mientras mantiene el equilibrio.',
        'Lo que importa es el control y el equilibrio, no lo alto que suban el brazo y la pierna.',
        'Hundir o redondear la espalda; girar las caderas; subir demasiado la pierna.',
        'Mantenga más tiempo, hasta 5 segundos, y después haga las repeticiones más despacio.',
        NULL
      UNION ALL SELECT 'plank-knees-down', 'Plancha (puede apoyar las rodillas)',
        'Apoyado en los antebrazos o con los brazos estirados, y con las rodillas en el suelo si lo necesita, forme una línea recta desde la cabeza hasta las rodillas o las caderas, apretando los glúteos y la parte baja del abdomen. Para empezar, mantenga de 10 a 20 segundos.',
        'Esfuerzo en el tronco y los hombros, ninguno en la zona lumbar.',
        'No deje nunca que las caderas se hundan. Es mejor mantener poco tiempo con buena postura que mucho tiempo con la espalda hundida.',
        'Dejar que las caderas se hundan o suban en pico; aguantar la respiración.',
        'Alargue el tiempo hasta 20 segundos y después levante las rodillas.',
        NULL
      UNION ALL SELECT 'glute-bridge', 'Puente de glúteos',
        'Boca arriba, con las rodillas dobladas y los pies apoyados y separados a la anchura de las caderas. Apriete los glúteos para subir las caderas hasta que hombros, caderas y rodillas queden en línea. Mantenga de 2 a 3 segundos y baje despacio.',
        'Que trabajen los músculos de los glúteos, no la zona lumbar ni los isquiotibiales.',
        'Pare si se queja la zona lumbar o aumenta el dolor de la pierna.',
        'Arquear demasiado la zona lumbar; empujar con los pies en lugar de apretar los glúteos; abrir las costillas.',
        'Puente con una sola pierna, con el otro pie levantado; una banda elástica por encima de las rodillas.',
        NULL
      UNION ALL SELECT 'clamshell', 'Almeja',
        'Túmbese de lado con las rodillas dobladas a 90 grados y una cadera encima de la otra. Con los pies juntos y la pelvis quieta, suba la rodilla de arriba y después bájela despacio.',
        'Trabajo en la parte lateral y posterior de la cadera de la pierna de arriba.',
        'Mantenga la pelvis quieta; suba solo hasta donde pueda sin que la pelvis gire.',
        'Girar la pelvis hacia atrás; subir demasiado y usar la espalda.',
        'Una banda elástica por encima de las rodillas; un ritmo más lento.',
        NULL
      UNION ALL SELECT 'standing-hip-abduction', 'Abducción de cadera de pie',
        'De pie y erguido, sujetándose a una silla si lo necesita y con el tronco firme, separe hacia un lado una pierna estirada con la punta del pie mirando hacia delante, y después bájela despacio.',
        'Trabajo en la parte lateral de la cadera de la pierna que se mueve.',
        'Sujétese para mantener el equilibrio en lugar de inclinarse.',
        'Inclinar el cuerpo hacia un lado; subir la cadera; girar la pierna hacia fuera.',
        'Un lastre en el tobillo o una banda elástica.',
        NULL
      UNION ALL SELECT 'figure-4-piriformis-stretch', 'Estiramiento del piriforme en figura de 4',
        'Tumbado boca arriba con las rodillas dobladas, apoye un tobillo sobre la rodilla contraria y acerque con suavidad hacia el pecho el muslo de la pierna de apoyo. Mantenga de 20 a 30 segundos.',
        'Un estiramiento profundo en el glúteo de la pierna cruzada.',
        'Solo si nota el músculo realmente tenso y el estiramiento no le provoca dolor de nervio. Pare si el dolor ciático aumenta.',
        'Forzar el estiramiento; levantar la cabeza y los hombros.',
        'Mantenga hasta 30 segundos.',
        NULL
      UNION ALL SELECT 'supine-hamstring-stretch-strap', 'Estiramiento de isquiotibiales boca arriba con cinta',
        'Boca arriba, pase una toalla o una cinta por la parte delantera de la planta de un pie y estire con suavidad esa rodilla hasta notar el estiramiento en la parte de atrás del muslo. La otra pierna puede estar doblada o estirada. Mantenga 30 segundos.',
        'Un estiramiento a lo largo de la parte de atrás del muslo, no un hormigueo de nervio que baja por la pierna.',
        'Mantenga la espalda apoyada y no tire nunca con fuerza. Estire solo si los isquiotibiales están realmente tensos y el estiramiento no le provoca dolor de nervio.',
        'Tirar con brusquedad; despegar la espalda del suelo.',
        'Primero hay que fortalecer los glúteos y el tronco; mantenga el estiramiento suave.',
        NULL
      UNION ALL SELECT 'double-knees-to-chest', 'Las dos rodillas al pecho',
        'Boca arriba, acerque con suavidad las dos rodillas al pecho, balanceándose de un lado a otro si le resulta cómodo. Mantenga de 20 a 30 segundos.',
        'Una apertura suave de la zona lumbar.',
        'Se deja para la fase 3, cuando ya es más seguro; pare si vuelve el dolor de la pierna.',
        'Tirar con fuerza; levantar la cabeza.',
        'Mantenga hasta 30 segundos.',
        NULL
      UNION ALL SELECT 'sliding-nerve-glide', 'Deslizamiento neural',
        'Siéntese erguido en el borde de una silla con una pierna estirada, el talón en el suelo y la punta del pie hacia arriba. Baje la barbilla y redondee los hombros manteniendo la punta del pie hacia arriba; después siéntese recto a la vez que lleva la punta del pie hacia abajo. Pase de una posición a otra con fluidez de 10 a 15 veces.',
        'Una tensión o un hormigueo ligero que va y viene, nunca un dolor agudo.',
        'Si nota un dolor agudo o como una descarga, pare.',
        'Quedarse quieto en las posiciones finales; moverse a tirones.',
        'Muévase con más fluidez y con más recorrido si sigue resultando cómodo.',
        NULL
      UNION ALL SELECT 'standing-hamstring-scoop', 'Deslizamiento neural de pie con el talón apoyado',
        'Póngase frente a un escalón o un taburete bajo y apoye en él un talón, con la rodilla estirada y la punta del pie hacia arriba. Con la espalda recta, inclínese un poco hacia delante desde las caderas solo hasta notar una tensión leve, mantenga 2 segundos y vuelva. Hágalo de 10 a 12 veces.',
        'Una tensión leve del nervio al deslizarse, no un estiramiento profundo de los isquiotibiales.',
        'Pare en cuanto note la primera tensión leve; no busque el estiramiento.',
        'Redondear la espalda; inclinarse demasiado hacia delante.',
        'Repeticiones más suaves y más lentas.',
        NULL
      UNION ALL SELECT 'seated-torso-rotation', 'Rotación suave del tronco sentado',
        'Siéntese erguido y gire despacio la parte de arriba del cuerpo hacia un lado, dentro de un recorrido cómodo y sin empujar ni tirar para girar más; después, hacia el otro lado.',
        'Movimiento cómodo en la zona media y baja de la espalda.',
        'Sin forzar y sin añadir peso.',
        'Usar las manos o el respaldo de la silla para forzar el giro.',
        'Un poco más de recorrido si sigue resultando cómodo.',
        NULL
      UNION ALL SELECT 'alternating-heel-taps', 'Toques de talón alternos',
        'Boca arriba, con las rodillas dobladas y la zona lumbar apoyada suavemente contra el suelo, baje un talón hasta tocar el suelo y vuelva a subirlo; después, el otro.',
        'Trabajo profundo del abdomen con la zona lumbar quieta.',
        'Acorte el recorrido si la espalda se arquea.',
        'Arquear la espalda; moverse deprisa.',
        'El bicho muerto modificado.',
        NULL
      UNION ALL SELECT 'upright-cycling', 'Bicicleta en posición erguida',
        'Pedalee en una bicicleta de asiento vertical a un ritmo suave, sentado con la espalda recta.',
        'Respiración cómoda y piernas calientes.',
        'Manténgase erguido; pare si el dolor de la pierna va en aumento.',
        'Inclinarse mucho hacia delante; poner demasiada resistencia.',
        'Alargue el tiempo poco a poco.',
        NULL
      UNION ALL SELECT 'swimming', 'Natación',
        'Nade a un ritmo suave, con un estilo que no le provoque dolor en la pierna.',
        'Un esfuerzo cómodo de todo el cuerpo.',
        'Pare si un estilo le vuelve a provocar dolor de nervio.',
        'Nadar a toda velocidad; estilos que arquean mucho la espalda.',
        'Alargue el tiempo poco a poco.',
        NULL
      UNION ALL SELECT 'pool-walking', 'Caminar en la piscina',
        'Camine despacio con el agua entre la cintura y el pecho: el agua soporta parte de su peso.',
        'Movimiento cómodo, con menos dolor que fuera del agua.',
        'Un primer paso cuando caminar fuera del agua duele demasiado.',
        'Ir con prisa dentro del agua.',
        'Paseos cortos fuera del agua.',
        NULL
      UNION ALL SELECT 'bodyweight-squat-to-parallel', 'Sentadilla sin peso hasta la horizontal',
        'Solo cuando el dolor haya mejorado claramente: con los pies separados a la anchura de los hombros, lleve las caderas hacia atrás y hacia abajo hasta que los muslos queden paralelos al suelo y vuelva a subir, sin peso añadido.',
        'Trabajo en los muslos y los glúteos.',
        'Sin peso y sin bajar más allá de la horizontal.',
        'Redondear la espalda; dejar que las rodillas se vayan hacia dentro.',
        'Más repeticiones antes de añadir peso.',
        NULL
      UNION ALL SELECT 'toe-touch-forward-bend', 'Tocarse la punta de los pies e inclinarse hacia delante de pie',
        'Inclinarse hacia delante estando de pie para intentar tocarse los pies.',
        'No se recomienda con ciática.',
        'Carga mucho los discos y estira con fuerza el nervio ciático.',
        'Hacer rebotes; forzar para llegar más abajo.',
        'Use las alternativas más seguras.',
        'Somete los discos a mucha presión y tira con fuerza del nervio ciático; los síntomas suelen empeorar.'
      UNION ALL SELECT 'deep-loaded-twist', 'Giros profundos o con carga',
        'Girar el tronco hasta el final del recorrido, sobre todo con peso o con fuerza.',
        'No se recomienda con ciática.',
        'Aumenta la presión sobre los discos y puede irritar las raíces nerviosas.',
        'Forzar el giro.',
        'Use las alternativas más seguras.',
        'Puede aumentar la presión sobre los discos e irritar las raíces nerviosas.'
      UNION ALL SELECT 'double-leg-lift', 'Elevación de las dos piernas',
        'Tumbado boca arriba, levantar a la vez las dos piernas estiradas.',
        'No se recomienda con ciática.',
        'Carga mucho la zona lumbar.',
        'Arquear la espalda al subir las piernas.',
        'Use las alternativas más seguras.',
        'Carga mucho la zona lumbar y sobrecarga los discos y los músculos.'
      UNION ALL SELECT 'running-jumping', 'Correr y saltar (alto impacto)',
        'Correr, saltar y otras actividades de impacto.',
        'Solo más adelante, cuando los síntomas se hayan calmado.',
        'Los impactos pueden sacudir la columna y agravar las raíces nerviosas mientras los síntomas están en fase aguda.',
        'Volver a los impactos demasiado pronto.',
        'Empiece por las alternativas más seguras.',
        'El impacto sacude la columna y puede agravar las raíces nerviosas en las fases agudas.'
      UNION ALL SELECT 'heavy-squat-deadlift', 'Sentadillas y pesos muertos con mucha carga',
        'Sentadillas y pesos muertos con cargas pesadas.',
        'Solo más adelante, con un fisioterapeuta que conozca el entrenamiento con pesas.',
        'Comprime la columna y, en la fase aguda, puede empeorar el problema de disco que causa la ciática.',
        'Levantar mucho peso durante una crisis; hacerlo con mala técnica.',
        'Empiece por las alternativas más seguras.',
        'La compresión de la columna puede empeorar un problema de disco durante la fase aguda.'
      UNION ALL SELECT 'sit-up-crunch', 'Abdominales tradicionales (encogimientos)',
        'Incorporar el tronco enrollándolo desde tumbado boca arriba.',
        'No se recomienda con ciática.',
        'Aumenta la presión sobre la columna; perjudica a la mayoría de las ciáticas de origen discal.',
        'Tirar del cuello.',
        'Use las alternativas más seguras.',
        'Aumenta la presión sobre la columna, lo que perjudica a la mayoría de las ciáticas de origen discal.') t
JOIN exercise e ON e.slug = t.slug AND e.built_in AND e.revision = 1;

INSERT INTO protocol_phase_translation (phase_id, language, name, goal, entry_criteria)
SELECT ph.id, 'es', t.name, t.goal, t.entry_criteria
FROM (
      SELECT 1 AS phase_number, 'Movimiento suave y deslizamientos neurales' AS name,
        'Calmar el nervio irritado con movimientos suaves y frecuentes, y conseguir que vuelva a deslizarse con normalidad.' AS goal,
        'Crisis aguda: dolor irradiado la mayor parte del tiempo; cuesta estar sentado o de pie.' AS entry_criteria
      UNION ALL SELECT 2, 'Construir la base',
        'Fortalecer la musculatura profunda del tronco y los glúteos, que sostienen la columna y la pelvis, para reducir futuras crisis.',
        'El dolor irradiado agudo y constante ha disminuido: va y viene, o se queda en el glúteo o el muslo.'
      UNION ALL SELECT 3, 'Estiramientos específicos y movilidad neural',
        'Mantener el buen deslizamiento del nervio y estirar solo los músculos que estén realmente tensos, para evitar recaídas.',
        'Casi sin dolor, y con algo de fuerza en el tronco y los glúteos ganada en la fase 2.') t
JOIN protocol_phase ph ON ph.phase_number = t.phase_number
JOIN protocol p ON p.id = ph.protocol_id AND p.code = 'sciatica-phased';
